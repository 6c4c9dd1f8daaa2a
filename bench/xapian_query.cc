// xapian_query — the reference searcher of the benchmark: for each line of
// QUERIES, QueryParser (default operator AND, English stemmer), get_mset(0, 10)
// and MSet::snippet of each hit's text (the document data xapian_index keeps).
// Prints each query's wall time in microseconds, one a line, on stdout, and a
// summary on stderr.
//   xapian_query DBDIR QUERIES
#include <xapian.h>
#include <time.h>
#include <fstream>
#include <iostream>
#include <string>

static double now_us()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: xapian_query DBDIR QUERIES\n";
        return 2;
    }
    std::ifstream in(argv[2]);
    std::string line;
    unsigned queries = 0, empty = 0, failed = 0;
    size_t hits = 0, snippet_bytes = 0;
    try {
        Xapian::Database db(argv[1]);
        Xapian::Stem stem("english");
        Xapian::QueryParser qp;
        qp.set_stemmer(stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.set_database(db);
        while (std::getline(in, line)) {
            if (line.empty())
                continue;
            double t0 = now_us();
            try {
                Xapian::Enquire enq(db);
                enq.set_query(qp.parse_query(line, Xapian::QueryParser::FLAG_DEFAULT));
                Xapian::MSet mset = enq.get_mset(0, 10);
                for (auto it = mset.begin(); it != mset.end(); ++it)
                    snippet_bytes += mset.snippet(it.get_document().get_data(), 200, stem).size();
                hits += mset.size();
                empty += mset.empty();
            } catch (const Xapian::QueryParserError &) {
                failed++;
            }
            std::cout << (long)(now_us() - t0) << "\n";
            queries++;
        }
    } catch (const Xapian::Error &e) {
        std::cerr << "xapian_query: " << e.get_description() << "\n";
        return 1;
    }
    std::cerr << "xapian_query: " << queries << " queries, " << empty << " without hits, "
              << failed << " failed, " << hits << " hits, " << snippet_bytes << " snippet bytes\n";
    return 0;
}
