// docs/grammar-coverage.md lists every RFC 3501 §9 production, and every production it says
// has a rule really has one, named after it, in the grammar headers.
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#ifndef IMAPWIRE_SOURCE_DIR
#error "IMAPWIRE_SOURCE_DIR must name the source tree"
#endif

namespace {
std::string source(const std::string& rel) {
    return imapwire::test::read_file(std::string(IMAPWIRE_SOURCE_DIR) + "/" + rel);
}
std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
std::string strip_ticks(std::string s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '`' && s.back() == '`')
        s = s.substr(1, s.size() - 2);
    return s;
}
/// The cells of each table row ("| `...` | ...") of docs/grammar-coverage.md, of the RFC 3501
/// table (before "## Extensions") or of the extensions' table (after it).
std::vector<std::vector<std::string>> table_rows(bool extensions) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream doc(source("docs/grammar-coverage.md"));
    bool in_extensions = false;
    for (std::string l; std::getline(doc, l);) {
        in_extensions = in_extensions || l.rfind("## Extensions", 0) == 0;
        if (in_extensions != extensions || l.rfind("| `", 0) != 0)
            continue;
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream ls(l.substr(1));
        while (std::getline(ls, cell, '|'))
            cells.push_back(trim(cell));
        rows.push_back(std::move(cells));
    }
    return rows;
}

/// C++ rule name -> RFC name of every IMAPWIRE_RULE declared in `header`.
void add_declared_rules(const std::string& header, std::map<std::string, std::string>& declared) {
    const std::regex decl(R"re(IMAPWIRE_RULE\((\w+),\s*"([^"]*)")re");
    const std::string text = imapwire::test::read_file(header);
    for (std::sregex_iterator it(text.begin(), text.end(), decl), end; it != end; ++it)
        declared[(*it)[1]] = (*it)[2];
}
} // namespace

/// The C++ name of the rule of an ABNF production: "-" becomes "_", and a name that is a C++
/// keyword gets a trailing "_" (delete_, namespace_).
std::string rule_id(std::string name) {
    for (auto& ch : name)
        if (ch == '-')
            ch = '_';
    if (name == "delete" || name == "namespace")
        name += '_';
    return name;
}

TEST_CASE("grammar coverage table") {
    std::istringstream rules_in(
        imapwire::test::read_file(imapwire::test::data_path("rfc3501-rules.txt")));
    std::vector<std::string> rules;
    for (std::string l; std::getline(rules_in, l);)
        if (!trim(l).empty())
            rules.push_back(trim(l));
    REQUIRE(rules.size() == 148);

    // C++ rule name -> RFC name, from the IMAPWIRE_RULE declarations
    std::map<std::string, std::string> declared;
    for (const char* header :
         {"include/imapwire/grammar/core.hpp", "include/imapwire/grammar/command.hpp",
          "include/imapwire/grammar/search.hpp", "include/imapwire/grammar/response.hpp",
          "include/imapwire/grammar/fetch.hpp", "include/imapwire/grammar/body.hpp"})
        add_declared_rules(std::string(IMAPWIRE_SOURCE_DIR) + "/" + header, declared);

    // production -> cells of its row
    std::map<std::string, std::vector<std::string>> rows;
    for (auto& cells : table_rows(false)) {
        REQUIRE(cells.size() >= 5);
        rows[strip_ticks(cells[0])] = std::move(cells);
    }

    int covered = 0;
    for (const auto& r : rules) {
        CAPTURE(r);
        REQUIRE(rows.count(r) == 1);
        const auto& cells = rows[r];
        const std::string rule = strip_ticks(cells[1]);
        ++covered;
        REQUIRE(declared.count(rule) == 1);
        CHECK(declared[rule] == r); // the rule's name string is the RFC name
        CHECK(rule == rule_id(r));
        CHECK(!cells[2].empty()); // AST type
        CHECK(!cells[3].empty()); // serializer
        CHECK(!cells[4].empty()); // tests
    }
    CHECK(covered == 148);
    CHECK(rows.size() == 148);
}

TEST_CASE("grammar coverage table: the extensions' productions") {
    // rule -> RFC name, from every extension's grammar.hpp (helpers are not productions)
    std::map<std::string, std::string> declared;
    const std::filesystem::path ext =
        std::filesystem::path(IMAPWIRE_SOURCE_DIR) / "include" / "imapwire" / "ext";
    int headers = 0;
    for (const auto& dir : std::filesystem::directory_iterator(ext)) {
        const auto header = dir.path() / "grammar.hpp";
        if (!dir.is_directory() || !std::filesystem::exists(header))
            continue;
        ++headers;
        add_declared_rules(header.string(), declared);
    }
    // a rule named after a C++ keyword has a trailing _ too (namespace_): it is no helper
    std::erase_if(declared, [](const auto& d) {
        return d.first.back() == '_' && d.first != rule_id(d.second);
    });
    CHECK(headers >= 2);

    std::map<std::string, std::vector<std::string>> rows; // rule -> cells
    for (auto& cells : table_rows(true)) {
        REQUIRE(cells.size() >= 6);
        rows[strip_ticks(cells[1])] = std::move(cells);
    }
    for (const auto& entry : declared) {
        const std::string& rule = entry.first;
        const std::string& rfc_name = entry.second;
        CAPTURE(rule);
        REQUIRE(rows.count(rule) == 1);
        const auto& cells = rows[rule];
        CHECK(strip_ticks(cells[0]) == rfc_name); // the rule's name string is the ABNF name
        CHECK(rule == rule_id(rfc_name));
        CHECK(cells[2].rfind("RFC ", 0) == 0);
        CHECK(!cells[3].empty());
        CHECK(!cells[4].empty());
        CHECK(!cells[5].empty());
    }
    CHECK(rows.size() == declared.size());
}
