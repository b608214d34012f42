// Part of imapwire::compiled: the search-key grammar, which the command grammar calls.
#include <imapwire/impl/search.ipp>
