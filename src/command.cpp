// Part of imapwire::compiled: the client-command grammar and its entry points. The library is
// split by protocol area so that the grammar's units compile in parallel (docs/building.md).
#include <imapwire/impl/command.ipp>
