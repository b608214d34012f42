// The code shown in docs/*.md is the code of docs/examples/, which the build compiles and runs.
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

namespace {
/// Checks every "<!-- example: FILE -->" block of a page against FILE; returns how many.
int check_examples(const std::string& page) {
    const std::string root = IMAPWIRE_SOURCE_DIR;
    std::istringstream doc(imapwire::test::read_file(root + "/" + page));
    const std::string marker = "<!-- example: ";
    int examples = 0;
    for (std::string line; std::getline(doc, line);) {
        if (line.rfind(marker, 0) != 0)
            continue;
        const std::string file = line.substr(marker.size(), line.find(" -->") - marker.size());
        CAPTURE(file);
        std::string fence;
        std::getline(doc, fence);
        REQUIRE(fence == "```cpp");
        std::string shown;
        for (std::string l; std::getline(doc, l) && l != "```";)
            shown += l + "\n";
        CHECK(shown == imapwire::test::read_file(root + "/" + file));
        ++examples;
    }
    return examples;
}
} // namespace

TEST_CASE("the docs show the example programs verbatim") {
    CHECK(check_examples("docs/usage.md") == 7);
    CHECK(check_examples("docs/framer.md") == 1);
}
