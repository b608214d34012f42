// Part of imapwire::compiled: the client-command grammar, its entry points and serializer.
// The library is split by area so the grammar units compile in parallel.
#include <imapwire/impl/command.ipp>
#include <imapwire/impl/serialize.ipp>
