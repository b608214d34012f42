// Structure-aware fuzz target: the input's bytes drive every choice of the command generator
// (tests/generate.hpp, through byte_source.hpp), which builds a valid command or AUTHENTICATE
// line; the value must round-trip (fuzz_common.hpp) and frame as one message.
//
// The first choices pick what to build and how: any command or one alternative on demand, the
// generator's options (deep search-key trees up to 90 levels, long strings, LITERAL+ forms,
// misplaced forms) and the serializer's (forms kept or chosen, LITERAL+ on both sides).
#include "byte_source.hpp"
#include "fuzz_common.hpp"
#include "generate.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace {

using namespace imapwire;

/// serialize(x) + serialize(x) reads back as x first, ending where serialize(x) ends.
template <class T>
void check_framing(const T& x, const parse_options& po, const serialize_options& so,
                   const fuzz::report& parent) {
    using E = fuzz::entry<T>;
    std::string b;
    if (E::write(b, x, so))
        return; // reported by round_trip
    const std::string twice = b + b;
    const auto r = E::parse(twice, po);
    if (!r.ok() || r.consumed() != b.size() || !(*r == x)) {
        fuzz::report ctx(&parent);
        ctx.add("value", E::describe(x));
        ctx.bytes("serialize(value)", b);
        ctx.add("parse of it twice over", fuzz::outcome(r));
        ctx.fail("a serialized value followed by more bytes does not frame as one message");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::byte_source src(data, size);

    const auto what = src(8); // 0-4: any command, 5-6: one alternative, 7: AUTHENTICATE data
    test::generator_options go;
    if (src.percent(30)) {
        go.max_search_depth = static_cast<int>(src.between(1, 90));
        go.search_budget = static_cast<int>(src.between(1, 240));
    }
    go.long_strings = static_cast<int>(src(4));
    go.literal_plus = src.percent(70);
    go.misplaced_forms = src.percent(80);

    parse_options po;
    serialize_options so;
    switch (src(4)) {
    case 0:
        so.preserve_forms = false;
        break;
    case 1: // no non-synchronizing literals on either side
        po.extensions.remove(extension::literal_plus).remove(extension::literal_minus);
        so.extensions = po.extensions;
        break;
    default:
        break;
    }

    test::generator gen(0, go);
    gen.set_source(std::ref(src));

    fuzz::report ctx;
    ctx.add("target", "structure-aware command");
    ctx.bytes("input", std::string_view(reinterpret_cast<const char*>(data), size));
    if (what == 7) {
        const ast::authenticate_data x = gen.authenticate_data();
        fuzz::round_trip(x, po, so, ctx);
        check_framing(x, po, so, ctx);
        return 0;
    }
    const ast::command x = what < 5 ? gen.command()
                                    : gen.command(static_cast<std::size_t>(
                                          gen.below(test::generator::command_alternatives)));
    fuzz::round_trip(x, po, so, ctx);
    check_framing(x, po, so, ctx);
    return 0;
}
