// imapwire: version and build-mode configuration.
#pragma once

#define IMAPWIRE_VERSION_MAJOR 0
#define IMAPWIRE_VERSION_MINOR 1
#define IMAPWIRE_VERSION_PATCH 0
#define IMAPWIRE_VERSION_STRING "0.1.0"

// Header-only by default: every entry point is an inline function defined in the headers.
// With IMAPWIRE_SEPARATE_COMPILATION defined, the entry points are only declared and exactly one
// translation unit must include <imapwire/src.hpp> (CMake: link imapwire::compiled).
#if defined(IMAPWIRE_SEPARATE_COMPILATION)
#define IMAPWIRE_DECL
#else
#define IMAPWIRE_DECL inline
#endif
