// The code shown in docs/*.md is the code of docs/examples/, which the build compiles and runs.
#include "test_data.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

TEST_CASE("docs/usage.md shows the example programs verbatim") {
    const std::string root = IMAPWIRE_SOURCE_DIR;
    std::istringstream doc(imapwire::test::read_file(root + "/docs/usage.md"));
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
    CHECK(examples == 4);
}
