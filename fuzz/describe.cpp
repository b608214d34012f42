// The dumps declared in describe.hpp: those of the test generators.
#include "describe.hpp"

#include "generate_response.hpp"

namespace imapwire::fuzz {

std::string describe(const ast::command& x) {
    return test::describe(x);
}
std::string describe(const ast::authenticate_data& x) {
    return test::describe(x);
}
std::string describe(const ast::greeting& x) {
    return test::describe(x);
}
std::string describe(const ast::response& x) {
    return test::describe(x);
}

std::string printable(std::string_view s, std::size_t limit) {
    return test::printable(s, limit);
}

} // namespace imapwire::fuzz
