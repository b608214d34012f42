// The compiled form of imapwire (CMake target imapwire::compiled): this translation unit
// instantiates the grammar and defines the entry points once, so that code built with
// IMAPWIRE_SEPARATE_COMPILATION only needs the declarations.
#include <imapwire/src.hpp>
