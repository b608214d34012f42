// Part of imapwire::compiled: the server-response grammar, its entry points and serializer.
#include <imapwire/impl/response.ipp>
#include <imapwire/impl/serialize_response.ipp>
