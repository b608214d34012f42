// imapwire AST: BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, §9 body and body-*).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/envelope.hpp>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace imapwire::ast {

/// One attribute/value pair of body-fld-param.
struct body_param {
    string attribute;
    string value;
    friend bool operator==(const body_param&, const body_param&) = default;
};
/// RFC 3501 `body-fld-param`: "(" string SP string *(SP string SP string) ")" / nil.
/// std::nullopt is NIL; a present list is never empty.
using body_fld_param = std::optional<vector<body_param>>;

/// RFC 3501 `body-fld-dsp`: "(" string SP body-fld-param ")" (NIL is an empty optional).
struct body_fld_dsp {
    string type;
    body_fld_param params;
    friend bool operator==(const body_fld_dsp&, const body_fld_dsp&) = default;
};

/// RFC 3501 `body-fld-lang`: nstring / "(" string *(SP string) ")".
using body_fld_lang = std::variant<nstring, vector<string>>;

/// RFC 3501 `body-extension`: nstring / number / "(" body-extension *(SP body-extension) ")".
struct body_extension {
    std::variant<nstring, std::uint32_t, vector<body_extension>> v;
    friend bool operator==(const body_extension&, const body_extension&) = default;
};

/// RFC 3501 `body-fields`: body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP
/// body-fld-octets.
struct body_fields {
    body_fld_param params;
    nstring id;
    nstring description;
    string encoding;
    std::uint32_t octets = 0;
    friend bool operator==(const body_fields&, const body_fields&) = default;
};

/// The extension data shared by body-ext-1part and body-ext-mpart, after their first field:
/// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]].
/// `fields` counts how many of (first field, dsp, lang, loc) are written: 1 to 4. Fields past
/// that count must keep their default values; extensions need all four.
struct body_ext_tail {
    std::uint8_t fields = 1;
    std::optional<body_fld_dsp> disposition; ///< NIL when empty
    body_fld_lang language;                  ///< NIL by default
    nstring location;
    vector<body_extension> extensions;
    friend bool operator==(const body_ext_tail&, const body_ext_tail&) = default;
};

/// RFC 3501 `body-ext-1part`: body-fld-md5 then the shared tail.
struct body_ext_1part {
    nstring md5;
    body_ext_tail tail;
    friend bool operator==(const body_ext_1part&, const body_ext_1part&) = default;
};

/// RFC 3501 `body-ext-mpart`: body-fld-param then the shared tail.
struct body_ext_mpart {
    body_fld_param params;
    body_ext_tail tail;
    friend bool operator==(const body_ext_mpart&, const body_ext_mpart&) = default;
};

struct body;

/// RFC 3501 `body-type-basic`: media-basic SP body-fields.
struct body_type_basic {
    string media_type; ///< e.g. "APPLICATION", "IMAGE" (any string)
    string media_subtype;
    body_fields fields;
    friend bool operator==(const body_type_basic&, const body_type_basic&) = default;
};

/// RFC 3501 `body-type-msg`: MESSAGE/RFC822 with the enclosed message's envelope and body (and,
/// with UTF8=ACCEPT or IMAP4rev2, MESSAGE/GLOBAL: RFC 9051 §9, RFC 9755 §6).
struct body_type_msg {
    string media_type = {"MESSAGE", string_form::quoted};   ///< "MESSAGE", as written
    string media_subtype = {"RFC822", string_form::quoted}; ///< "RFC822" or "GLOBAL", as written
    body_fields fields;
    box<ast::envelope> envelope;
    box<ast::body> body;
    std::uint64_t lines = 0; ///< body-fld-lines: a number; with IMAP4rev2 a number64
    friend bool operator==(const body_type_msg&, const body_type_msg&) = default;
};

/// RFC 3501 `body-type-text`: TEXT/subtype with its line count.
struct body_type_text {
    string media_type = {"TEXT", string_form::quoted}; ///< "TEXT", as written
    string media_subtype;
    body_fields fields;
    std::uint64_t lines = 0; ///< body-fld-lines: a number; with IMAP4rev2 a number64
    friend bool operator==(const body_type_text&, const body_type_text&) = default;
};

/// RFC 3501 `body-type-1part`.
struct body_type_1part {
    std::variant<body_type_basic, body_type_msg, body_type_text> part;
    std::optional<body_ext_1part> extension; ///< BODYSTRUCTURE only
    friend bool operator==(const body_type_1part&, const body_type_1part&) = default;
};

/// RFC 3501 `body-type-mpart`: 1*body SP media-subtype [SP body-ext-mpart].
struct body_type_mpart {
    vector<body> parts;
    string media_subtype;
    std::optional<body_ext_mpart> extension; ///< BODYSTRUCTURE only
    friend bool operator==(const body_type_mpart&, const body_type_mpart&) = default;
};

/// RFC 3501 `body`: "(" (body-type-1part / body-type-mpart) ")".
struct body {
    std::variant<body_type_1part, body_type_mpart> v;
    friend bool operator==(const body&, const body&) = default;
};

} // namespace imapwire::ast
