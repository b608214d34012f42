// Compiled by tests/exhaustive/check.cmake against a copy of the headers in which one AST choice
// type has an extra alternative that nothing handles. Everything that visits the AST is
// included, so that copy must not compile: the compiler, not a reader, lists what an extension
// must touch (DESIGN §2). The same file compiles against the unchanged headers.
#include "ast_json.hpp"          // tools/: the JSON view
#include "generate_response.hpp" // tests/: the round-trip generators and their dumpers
#include <imapwire/imapwire.hpp> // serializer
#include <imapwire/session.hpp>  // the protocol state machine

int main() {
    return 0;
}
