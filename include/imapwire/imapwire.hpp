// imapwire: umbrella header.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>
#include <imapwire/ast/traits.hpp>
#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
#include <imapwire/ext/registry.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/mutf7.hpp>
#include <imapwire/options.hpp>
#include <imapwire/owned.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>
#include <imapwire/state.hpp>
