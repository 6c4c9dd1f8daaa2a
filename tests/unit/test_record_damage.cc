// test_record_damage.cc — a document whose stored record does not unpack,
// through the shim's C ABI: written by the shim, then spoiled behind its
// back through the engine (cut short, a byte flipped, replaced by a frame
// made without the records' dictionary, as another version might write).
// Reading it fails with the document's number and the reason, as corrupt
// or as another version; the documents beside it still read.
#include <string>

#include <xapian.h>
#include <zstd.h>

#include "tests/unit/engine_helpers.h"

namespace {

const char *const records[] = { "first record", "second record, to be cut short",
                                "third record, a byte flipped in its middle",
                                "fourth record, packed without the dictionary" };

// Replaces document id's packed record by what spoil makes of it.
template <class F>
void spoil(const char *path, Xapian::docid id, F spoil)
{
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    Xapian::Document d = db.get_document(id);
    std::string v = d.get_value(ENG_SLOT_RECORD);
    CHECK(!v.empty());
    d.add_value(ENG_SLOT_RECORD, spoil(v));
    db.replace_document(id, d);
    db.commit();
}

// Reading id fails with want and a message naming the document.
void check_refused(eng_db *db, eng_docid id, eng_status want, const char *why)
{
    char *data = nullptr;
    size_t len = 0;
    CHECK_INT(eng_db_doc_data(db, id, &data, &len), want);
    CHECK(data == nullptr);
    std::string msg = eng_db_errmsg(db);
    CHECK(msg.find("document " + std::to_string(id)) != std::string::npos);
    CHECK(msg.find(why) != std::string::npos);
}

}  // namespace

int main()
{
    if (!make_dir("recdamage"))
        return 1;
    eng_db *w = open_db(db_path, ENG_OPEN_WRITE | ENG_OPEN_CREATE);
    if (w) {
        for (int i = 0; i < 4; i++)
            CHECK_INT(put(w, make_doc(records[i], "word", nullptr, nullptr)), i + 1);
        CHECK_INT(eng_db_commit(w), ENG_OK);
    }
    eng_db_close(w);

    try {
        spoil(db_path, 2, [](std::string v) { return v.substr(0, v.size() / 2); });
        spoil(db_path, 3, [](std::string v) {
            v[v.size() / 2] ^= 0x5a;
            return v;
        });
        spoil(db_path, 4, [](const std::string &) {
            std::string text = records[3];
            std::string out(ZSTD_compressBound(text.size()), '\0');
            out.resize(ZSTD_compress(&out[0], out.size(), text.data(), text.size(), 3));
            return out;
        });
    } catch (const Xapian::Error &e) {
        CHECK(!"the engine could not spoil the records");
        fprintf(stderr, "%s\n", e.get_description().c_str());
    }

    eng_db *r = open_db(db_path, ENG_OPEN_READ);
    if (r) {
        check_doc_data(r, 1, records[0]);
        check_refused(r, 2, ENG_E_CORRUPT, "damaged");
        check_refused(r, 3, ENG_E_CORRUPT, "damaged");
        check_refused(r, 4, ENG_E_VERSION, "another version");
        check_doc_data(r, 1, records[0]);     // the handle still reads
    }
    eng_db_close(r);
    return finish();
}
