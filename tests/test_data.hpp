// Test helpers: locating test data and reading the RFC example files.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef IMAPWIRE_TEST_DATA_DIR
#error "IMAPWIRE_TEST_DATA_DIR must name tests/data"
#endif

namespace imapwire::test {

inline std::string data_path(const std::string& name) {
    return std::string(IMAPWIRE_TEST_DATA_DIR) + "/" + name;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// One example message of an RFC (tests/data/rfcNNNN-*-examples.txt).
struct rfc_example {
    std::string rfc = "RFC 3501";   ///< which RFC, from the file name
    std::string section;            ///< e.g. "6.3.11"
    int line = 0;                   ///< line in the RFC's text
    std::string kind;               ///< "" or "authdata"
    std::vector<std::string> flags; ///< "#!" annotations, e.g. "not-protocol ..."
    std::string bytes;              ///< the message, CRLF line ends

    bool flagged(const std::string& word) const {
        for (const auto& f : flags)
            if (f.rfind(word, 0) == 0)
                return true;
        return false;
    }
    std::string where() const { return rfc + " §" + section + " line " + std::to_string(line); }
};

inline std::vector<rfc_example> read_rfc_examples(const std::string& file) {
    std::ifstream in(data_path(file), std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + file);
    std::vector<rfc_example> out;
    std::vector<std::string> body;
    auto finish = [&] {
        if (out.empty())
            return;
        std::string b;
        for (const auto& l : body)
            b += l + "\r\n";
        out.back().bytes = b;
        body.clear();
    };
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("### ", 0) == 0) {
            finish();
            rfc_example e;
            if (file.rfind("rfc", 0) == 0)
                e.rfc = "RFC " + file.substr(3, file.find('-') - 3);
            std::istringstream hs(line.substr(4));
            hs >> e.section >> e.line >> e.kind;
            out.push_back(e);
        } else if (out.empty()) {
            continue; // file comment
        } else if (line.rfind("#! ", 0) == 0 && body.empty()) {
            out.back().flags.push_back(line.substr(3));
        } else {
            body.push_back(line);
        }
    }
    finish();
    return out;
}

/// Makes control bytes visible in failure messages.
inline std::string visible(const std::string& s) {
    std::string o;
    for (unsigned char c : s) {
        if (c == '\r')
            o += "\\r";
        else if (c == '\n')
            o += "\\n";
        else if (c < 0x20 || c >= 0x7f) {
            static const char* hex = "0123456789abcdef";
            o += "\\x";
            o += hex[c >> 4];
            o += hex[c & 15];
        } else
            o += static_cast<char>(c);
    }
    return o;
}

} // namespace imapwire::test
