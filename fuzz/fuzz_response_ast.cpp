// Structure-aware fuzz target: the input's bytes drive every choice of the response generator
// (tests/generate_response.hpp, through byte_source.hpp), which builds a valid greeting, server
// message or whole command exchange; the value must round-trip (fuzz_common.hpp) and frame as
// one message (or one exchange).
//
// The first choices pick what to build and how: any message, one alternative of the response,
// of response-data, of resp-text-code or of msg-att on demand, a BODY / BODYSTRUCTURE, a
// greeting or an exchange; the generator's options (bodies nested up to 80 levels, body
// extensions up to 8, wide multiparts, many addresses, TEXT and MESSAGE/RFC822 spelled as basic
// media types, long strings, LITERAL+ and misplaced forms) and the serializer's (forms kept or
// chosen).
#include "byte_source.hpp"
#include "fuzz_common.hpp"
#include "generate_response.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace imapwire;
using test::response_generator;

/// serialize(x) followed by more bytes reads back as x, ending where serialize(x) ends.
template <class T>
void check_framing(const T& x, const serialize_options& so, const fuzz::report& parent) {
    using E = fuzz::entry<T>;
    std::string b;
    if (E::write(b, x, so))
        return; // reported by round_trip
    const std::string twice = b + b;
    const auto r = E::parse(twice, parse_options{});
    if (!r.ok() || r.consumed() != b.size() || !(*r == x)) {
        fuzz::report ctx(&parent);
        ctx.add("value", E::describe(x));
        ctx.bytes("serialize(value)", b);
        ctx.add("parse of it twice over", fuzz::outcome(r));
        ctx.fail("a serialized value followed by more bytes does not frame as it should");
    }
}

/// True for a message that ends an exchange: a tagged completion or a BYE.
bool ends_exchange(const ast::response& r) {
    if (std::holds_alternative<ast::response_tagged>(r.v))
        return true;
    const auto* d = std::get_if<ast::response_data>(&r.v);
    const auto* c = d ? std::get_if<ast::resp_cond>(d) : nullptr;
    return c && c->status == ast::condition::bye;
}

/// A command's exchange: continuation requests and untagged data, then a tagged completion or
/// (now and then) a BYE.
ast::vector<ast::response> exchange(response_generator& gen) {
    ast::vector<ast::response> xs;
    const auto n = gen.below(7);
    for (std::uint64_t i = 0; i < n; ++i) {
        ast::response r = gen.response();
        if (!ends_exchange(r))
            xs.push_back(std::move(r));
    }
    if (gen.percent(15)) {
        for (int attempt = 0; attempt < 8; ++attempt) {
            ast::response r = gen.data(0);
            if (ends_exchange(r)) {
                xs.push_back(std::move(r));
                return xs;
            }
        }
    }
    xs.push_back(gen.response(2));
    return xs;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::byte_source src(data, size);

    const auto what = src(16);
    test::response_generator_options ro;
    if (src.percent(30)) {
        ro.max_body_depth = static_cast<int>(src.between(1, 80));
        ro.body_budget = static_cast<int>(src.between(1, 240));
        ro.max_parts = static_cast<int>(src.between(1, 24));
        ro.max_extension_depth = static_cast<int>(src.between(1, 8));
        ro.address_budget = static_cast<int>(src.between(0, 120));
    }
    ro.ambiguous_media_types = src.percent(15);
    test::generator_options go;
    go.long_strings = static_cast<int>(src(4));
    go.literal_plus = src.percent(70);
    go.misplaced_forms = src.percent(80);
    serialize_options so;
    so.preserve_forms = !src.percent(30);

    response_generator gen(0, ro, go);
    gen.set_source(std::ref(src));

    fuzz::report ctx;
    ctx.add("target", "structure-aware response");
    ctx.bytes("input", std::string_view(reinterpret_cast<const char*>(data), size));
    const parse_options po;

    auto check = [&](const auto& x) {
        fuzz::round_trip(x, po, so, ctx);
        check_framing(x, so, ctx);
    };
    switch (what) {
    case 0:
    case 1:
    case 2:
        check(gen.response());
        break;
    case 3:
        check(gen.response(gen.below(response_generator::response_alternatives)));
        break;
    case 4:
    case 5:
        check(gen.data(gen.below(response_generator::data_alternatives)));
        break;
    case 6:
        check(gen.with_code(gen.below(response_generator::code_alternatives)));
        break;
    case 7:
    case 8:
        check(gen.fetch_with(gen.below(response_generator::msg_att_alternatives)));
        break;
    case 9:
    case 10:
    case 11:
        check(gen.fetch_body());
        break;
    case 12:
    case 13:
        check(gen.greeting());
        break;
    default:
        check(exchange(gen));
        break;
    }
    return 0;
}
