// imapwire: include in exactly one translation unit when IMAPWIRE_SEPARATE_COMPILATION is set
// (the imapwire::compiled CMake target does this for you).
#pragma once

#if !defined(IMAPWIRE_SEPARATE_COMPILATION)
#error                                                                                             \
    "imapwire/src.hpp is for IMAPWIRE_SEPARATE_COMPILATION builds; header-only builds need nothing"
#endif

#include <imapwire/impl/body.ipp>
#include <imapwire/impl/command.ipp>
#include <imapwire/impl/fetch.ipp>
#include <imapwire/impl/response.ipp>
#include <imapwire/impl/search.ipp>
#include <imapwire/impl/serialize.ipp>
#include <imapwire/impl/serialize_response.ipp>
