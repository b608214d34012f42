// LIST-EXTENDED (RFC 5258), SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154), LIST-STATUS
// (RFC 5819) and CHILDREN (RFC 3348): every C: and S: example of their RFCs (extracted by
// tests/data/extract_rfc_examples.py) parses and round-trips byte for byte, or is a departure
// from the grammar named here; what the examples hold, as values; what the grammar refuses; and
// strict RFC 3501 refusing what they add.
#include "parse_helpers.hpp"

#include <map>
#include <string>
#include <variant>

using namespace imapwire;
using namespace imapwire::test;

namespace {

const ast::list_command& list_of(const ast::command& c) {
    REQUIRE(std::holds_alternative<ast::list_command>(c.body));
    return std::get<ast::list_command>(c.body);
}
const ast::mailbox_list& mailbox_list_of(const ast::response& r) {
    const auto& d = std::get<ast::response_data>(r.v);
    REQUIRE(std::holds_alternative<ast::list_data>(d));
    return std::get<ast::list_data>(d).list;
}

} // namespace

TEST_CASE("LIST-EXTENDED: the examples of RFC 5258 §3 to §5") {
    CHECK(check_examples("rfc5258", {}) >= 150);
}

TEST_CASE("SPECIAL-USE: the examples of RFC 6154 §5") {
    // §5.4 manipulates the attributes with METADATA (RFC 5464), which is not implemented yet
    const std::map<int, std::string> departures = {
        {432, "t2 GETMETADATA \"MyDrafts\" /private/specialuse\r\n"},
        {437, "t3 SETMETADATA \"SavedDrafts\" (/private/specialuse \"\\\\Drafts\")\r\n"},
        {442, "t4 SETMETADATA \"SentMail\" (/private/specialuse NIL)\r\n"},
        {433, "* METADATA \"MyDrafts\" (/private/specialuse \"\\\\Drafts\")\r\n"},
        {438, "* METADATA \"MyDrafts\" (/private/specialuse NIL)\r\n"},
    };
    CHECK(check_examples("rfc6154", departures) >= 40);
}

TEST_CASE("LIST-STATUS: the examples of RFC 5819 §3") {
    // Typos of the RFC: no SP between the options and the reference, two between the
    // delimiter and the mailbox
    const std::map<int, std::string> departures = {
        {150, "A02 LIST (SUBSCRIBED RECURSIVEMATCH)\"\" % RETURN (STATUS (MESSAGES))\r\n"},
        {141, "* LIST () \".\"  \"INBOX\"\r\n"},
        {152, "* LIST (\\Subscribed) \".\"  \"INBOX\"\r\n"},
    };
    CHECK(check_examples("rfc5819", departures) >= 8);
    // the departures, as the RFC means them
    const auto c =
        command_ok("A02 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" % RETURN (STATUS (MESSAGES))");
    const auto& l = list_of(c);
    REQUIRE(l.return_options);
    const auto& st = std::get<ast::list_opt_status>(l.return_options->at(0));
    CHECK(st.items == ast::vector<ast::status_att>{ast::status_att::messages});
    response_ok("* LIST () \".\" \"INBOX\"");
}

TEST_CASE("CHILDREN: the examples of RFC 3348 §3") {
    CHECK(check_examples("rfc3348", {}) >= 5);
}

TEST_CASE("LIST-EXTENDED: what the examples hold, as values") {
    // selection options, patterns and return options (§3, §5)
    const auto a = command_ok("C04 LIST (SUBSCRIBED RECURSIVEMATCH REMOTE) \"\" (\"INBOX\" "
                              "Sent/%) RETURN (CHILDREN SUBSCRIBED)");
    const auto& l = list_of(a);
    REQUIRE(l.select_options);
    REQUIRE(l.select_options->size() == 3);
    CHECK(std::holds_alternative<ast::list_opt_subscribed>((*l.select_options)[0]));
    CHECK(std::holds_alternative<ast::list_opt_recursivematch>((*l.select_options)[1]));
    CHECK(std::holds_alternative<ast::list_opt_remote>((*l.select_options)[2]));
    CHECK(l.pattern.data.empty());
    REQUIRE(l.patterns.size() == 2);
    CHECK(l.patterns[1].value() == "Sent/%");
    REQUIRE(l.return_options);
    CHECK(std::holds_alternative<ast::list_opt_children>((*l.return_options)[0]));
    // an empty selection, an empty RETURN, and RFC 3501's LIST alone
    const auto empty = command_ok("a LIST () \"\" % RETURN ()");
    CHECK(list_of(empty).select_options->empty());
    CHECK(list_of(empty).return_options->empty());
    const auto plain = command_ok("a LIST \"\" *");
    CHECK(!list_of(plain).select_options);
    CHECK(!list_of(plain).return_options);
    CHECK(list_of(plain).patterns.empty());
    // option-extension: a vendor option with a value, and a keyword in a form of its own
    const auto vendor = command_ok(
        "a LIST (SUBSCRIBED X-VENDOR-SORT (name (desc \"x y\"))) \"\" * RETURN (STATUS MYRIGHTS)");
    const auto& ext = std::get<ast::list_opt_extension>((*list_of(vendor).select_options)[1]);
    CHECK(ext.name == "X-VENDOR-SORT");
    REQUIRE(ext.value);
    REQUIRE(ext.value->size() == 2);
    CHECK(std::get<ast::astring>((*ext.value)[0].v).value() == "name");
    const auto& group = std::get<ast::vector<ast::ext_comp_item>>((*ext.value)[1].v);
    CHECK(std::get<ast::astring>(group[1].v).value() == "x y");
    const auto& ret = *list_of(vendor).return_options;
    CHECK(std::get<ast::list_opt_extension>(ret[0]).name == "STATUS"); // no "(" items ")"
    CHECK(std::get<ast::list_opt_extension>(ret[1]).name == "MYRIGHTS");
    // extended data items (§3.5): CHILDINFO's group of quoted options; a sequence-set; "()";
    // \NonExistent is a selectability flag
    const auto r = response_ok(
        "* LIST (\\NonExistent) \"/\" \"Foo\" (\"CHILDINFO\" (\"SUBSCRIBED\") X-N 0 X-S 1:5,9 "
        "OLDNAME (\"Bar\") X-E ())");
    const auto& ml = mailbox_list_of(r);
    REQUIRE(ml.extended);
    REQUIRE(ml.extended->size() == 5);
    const auto& childinfo = (*ml.extended)[0];
    CHECK(childinfo.tag.value() == "CHILDINFO");
    const auto& opts = std::get<ast::vector<ast::ext_comp_item>>(childinfo.value);
    CHECK(std::get<ast::astring>(opts[0].v).value() == "SUBSCRIBED");
    CHECK(std::get<std::uint32_t>((*ml.extended)[1].value) == 0u);
    CHECK(std::get<ast::sequence_set>((*ml.extended)[2].value).items.size() == 2);
    CHECK(std::get<ast::vector<ast::ext_comp_item>>((*ml.extended)[4].value).empty());
    const auto none = response_ok("* LIST () \"/\" Foo ()");
    CHECK(mailbox_list_of(none).extended->empty());
    CHECK(!mailbox_list_of(response_ok("* LIST () \"/\" Foo")).extended);
}

TEST_CASE("SPECIAL-USE, CREATE-SPECIAL-USE and LIST-STATUS: values") {
    const auto create = command_ok("t2 CREATE MySpecial (USE (\\Drafts \\Sent))");
    const auto& params = std::get<ast::create_command>(create.body).params;
    REQUIRE(params.size() == 1);
    const auto& use = std::get<ast::create_param_use>(params[0]);
    REQUIRE(use.attributes.size() == 2);
    CHECK(use.attributes[1].text == "\\Sent");
    command_ok("a CREATE x (USE ())");
    const auto su =
        command_ok("t3 LIST (SPECIAL-USE) \"\" \"*\" RETURN (SPECIAL-USE STATUS (UNSEEN))");
    CHECK(std::holds_alternative<ast::list_opt_special_use>(list_of(su).select_options->at(0)));
    CHECK(std::holds_alternative<ast::list_opt_special_use>(list_of(su).return_options->at(0)));
    const auto code = response_ok("t2 NO [USEATTR] \\All not supported");
    CHECK(std::holds_alternative<ast::code_useattr>(
        *std::get<ast::response_tagged>(code.v).cond.text.code));
    // STATUS=SIZE's item in a LIST-STATUS option
    const auto size = command_ok("a LIST \"\" % RETURN (STATUS (MESSAGES SIZE))");
    CHECK(std::get<ast::list_opt_status>(list_of(size).return_options->at(0)).items[1] ==
          ast::status_att::size);
}

TEST_CASE("LIST-EXTENDED: what the grammar refuses") {
    // RECURSIVEMATCH needs a list-select-base-opt (§6: "(RECURSIVEMATCH)", "(REMOTE
    // RECURSIVEMATCH)" are not allowed)
    for (const char* line :
         {"a LIST (RECURSIVEMATCH) \"\" *", "a LIST (REMOTE RECURSIVEMATCH) \"\" *",
          "a LIST (RECURSIVEMATCH SPECIAL-USE) \"\" *"}) {
        const parse_error e = command_fails(line);
        CHECK(e.production == "list-select-opts");
        CHECK(e.expected.find("RECURSIVEMATCH") != std::string::npos);
    }
    command_ok("a LIST (RECURSIVEMATCH SUBSCRIBED) \"\" *");
    command_ok("a LIST (X-BASE RECURSIVEMATCH) \"\" *"); // an option-extension may be the base
    CHECK(command_fails("a LIST (SUBSCRIBED \"\" *").offset == 18); // the list's end
    CHECK(command_fails("a LIST (SUBSCRIBED  REMOTE) \"\" *").offset == 18);
    CHECK(command_fails("a LIST \"\" ()").offset == 11); // patterns: at least one
    CHECK(command_fails("a LIST \"\" * RETURN").offset == 18);
    CHECK(command_fails("a LIST \"\" * RETURN CHILDREN").offset == 19);
    CHECK(command_fails("a LIST \"\" * FOO (CHILDREN)").offset == 11);
    CHECK(command_fails("a LIST (X-OPT ()) \"\" *").offset == 15); // option-value not empty
    CHECK(command_fails("a CREATE x (USE (Sent))").offset == 17);  // use-attr is "\" atom
    CHECK(command_fails("a CREATE x (USE \\Sent)").offset == 16);
    // response data: the tag and its value; two selectability flags
    CHECK(response_fails("* LIST () \"/\" Foo (CHILDINFO)").offset == 28);
    CHECK(response_fails("* LIST () \"/\" Foo (\"CHILDINFO\" foo)").offset == 31);
    CHECK(response_fails("* LIST () \"/\" Foo (X (a)").offset == 24);
    CHECK(response_fails("* LIST (\\NonExistent \\Noselect) \"/\" Foo").offset == 8);
    CHECK(response_fails("* LIST () \"/\" Foo X").offset == 17);
    // nesting is bounded
    std::string deep = "* LIST () \"/\" Foo (X ";
    for (int i = 0; i < 200; ++i)
        deep += "(";
    deep += "a";
    for (int i = 0; i < 200; ++i)
        deep += ")";
    deep += ")";
    CHECK(response_fails(deep).code == error::nesting_too_deep);
}

TEST_CASE("LIST-EXTENDED: the serializer writes nothing the grammar would read otherwise") {
    std::string out;
    const auto refused = [&](ast::command c) {
        out.clear();
        return serialize(out, c) == error::unserializable && out.empty();
    };
    ast::list_command l;
    l.reference = ast::mailbox{""};
    l.pattern = "*";
    // an option-extension spelled like an option, a mod option without a base, a pattern
    // besides the patterns, an empty option value, a number that reads back as a sequence-set
    ast::list_command named = l;
    named.select_options.emplace().push_back(ast::list_opt_extension{"subscribed", {}});
    CHECK(refused({"a", named}));
    ast::list_command mod = l;
    mod.select_options.emplace().push_back(ast::list_opt_recursivematch{});
    CHECK(refused({"a", mod}));
    ast::list_command both = l;
    both.patterns.push_back("INBOX");
    CHECK(refused({"a", both}));
    ast::list_command empty_value = l;
    empty_value.return_options.emplace().push_back(
        ast::list_opt_extension{"X", ast::vector<ast::ext_comp_item>{}});
    CHECK(refused({"a", empty_value}));
    ast::list_command no_items = l;
    no_items.return_options.emplace().push_back(ast::list_opt_status{});
    CHECK(refused({"a", no_items}));
    // what it writes: an option the reader lacks becomes nothing else
    ast::list_command ok = l;
    ok.select_options.emplace().push_back(ast::list_opt_extension{"X-FOO", {}});
    ok.return_options.emplace().push_back(ast::list_opt_children{});
    out.clear();
    CHECK(!serialize(out, ast::command{"a", ok}));
    CHECK(out == "a LIST (X-FOO) \"\" * RETURN (CHILDREN)\r\n");
    // STATUS as an option-extension: with a list of status-atts it would read back as LIST-STATUS's
    // option, so only a reader without LIST-STATUS gets it; alone, or with other values, it is
    // an option-extension for every reader
    ast::vector<ast::ext_comp_item> messages;
    messages.push_back({ast::istring("MESSAGES", ast::string_form::atom)});
    ast::list_command status_ext = l;
    status_ext.return_options.emplace().push_back(ast::list_opt_extension{"STATUS", messages});
    CHECK(refused({"a", status_ext}));
    serialize_options no_list_status;
    no_list_status.extensions = extension_set::all().remove(extension::list_status);
    out.clear();
    CHECK(!serialize(out, ast::command{"a", status_ext}, no_list_status));
    CHECK(out == "a LIST \"\" * RETURN (STATUS (MESSAGES))\r\n");
    for (auto& o : *status_ext.return_options)
        std::get<ast::list_opt_extension>(o).value.reset();
    out.clear();
    CHECK(!serialize(out, ast::command{"a", status_ext}));
    CHECK(out == "a LIST \"\" * RETURN (STATUS)\r\n");
    // a tagged-ext-val number other than 0 gets a leading zero: 5 would read back as the
    // sequence-set 5 (found by fuzzing: "X-N 02" parsed as the number 2 and was not written)
    ast::mailbox_list ml;
    ml.mailbox = ast::mailbox{"Foo"};
    ml.extended.emplace().push_back({"X", ast::tagged_ext_val{std::uint32_t{5}}});
    out.clear();
    CHECK(!serialize(out, ast::response{ast::response_data{ast::list_data{ml}}}));
    CHECK(out == "* LIST () NIL Foo (X 05)\r\n");
    const auto leading = response_ok("* LIST () \"/\" Foo (X-N 02)");
    CHECK(std::get<std::uint32_t>((*mailbox_list_of(leading).extended)[0].value) == 2u);
    ml.extended->back().value = std::uint32_t{0};
    out.clear();
    CHECK(!serialize(out, ast::response{ast::response_data{ast::list_data{ml}}}));
    CHECK(out == "* LIST () NIL Foo (X 0)\r\n");
}

TEST_CASE("strict RFC 3501 refuses what LIST-EXTENDED, SPECIAL-USE and LIST-STATUS add") {
    const parse_options strict = with_extensions(extension_set::none());
    struct refusal {
        const char* line;
        bool command;
        std::size_t offset;
        extension_set accepted_with;
    };
    const refusal refusals[] = {
        {"a LIST (SUBSCRIBED) \"\" *", true, 7, {extension::list_extended}},
        {"a LIST \"\" (INBOX Sent)", true, 10, {extension::list_extended}},
        {"a LIST \"\" * RETURN (CHILDREN)", true, 11, {extension::list_extended}},
        {"a LIST \"\" * RETURN (SPECIAL-USE)", true, 11, {extension::list_extended}},
        {"a LIST \"\" * RETURN (STATUS (MESSAGES))", true, 11, {extension::list_extended}},
        {"a CREATE x (USE (\\Sent))", true, 10, {extension::create_special_use}},
        {"* LIST () \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))",
         false,
         17,
         {extension::list_extended}},
    };
    for (const refusal& r : refusals) {
        CAPTURE(r.line);
        const parse_error e =
            r.command ? command_fails(r.line, strict) : response_fails(r.line, strict);
        CHECK(e.offset == r.offset);
        CHECK(e.accepted_with == r.accepted_with);
    }
    // with LIST-EXTENDED alone, SPECIAL-USE and STATUS are option-extensions
    const parse_options list_only = with_extensions({extension::list_extended});
    const auto c = command_ok("a LIST (SPECIAL-USE) \"\" * RETURN (STATUS (MESSAGES))", list_only);
    CHECK(std::get<ast::list_opt_extension>(list_of(c).select_options->at(0)).name ==
          "SPECIAL-USE");
    const auto& st = std::get<ast::list_opt_extension>(list_of(c).return_options->at(0));
    CHECK(st.name == "STATUS");
    REQUIRE(st.value);
    // without LIST-EXTENDED, \NonExistent is just another attribute
    response_ok("* LIST (\\NonExistent \\Noselect) \"/\" Foo", strict);
    // the USEATTR code is a generic one there
    const std::string useattr = "a NO [USEATTR] x\r\n";
    const auto generic = parse_response(useattr, strict);
    REQUIRE(generic.ok());
    CHECK(std::holds_alternative<ast::code_other>(
        *std::get<ast::response_tagged>(generic.value().v).cond.text.code));
}
