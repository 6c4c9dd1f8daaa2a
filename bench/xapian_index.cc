// xapian_index — the reference indexer of the benchmark: what a minimal
// Xapian program does with default settings.  One document per *.txt file
// under CORPUSDIR, its whole text through a TermGenerator (English stemmer,
// positions), the text itself kept as document data for snippets.
//   xapian_index DBDIR CORPUSDIR
#include <xapian.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: xapian_index DBDIR CORPUSDIR\n";
        return 2;
    }
    try {
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        unsigned n = 0;
        for (const auto &e : std::filesystem::recursive_directory_iterator(argv[2])) {
            if (!e.is_regular_file() || e.path().extension() != ".txt")
                continue;
            std::ifstream in(e.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            Xapian::Document doc;
            doc.set_data(text.str());
            tg.set_document(doc);
            tg.index_text(text.str());
            db.add_document(doc);   // flushes every 10,000 documents by default
            n++;
        }
        db.commit();
        std::cerr << "xapian_index: " << n << " documents\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "xapian_index: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
