// Part of imapwire::compiled: the serializers of commands and responses.
#include <imapwire/impl/serialize.ipp>
#include <imapwire/impl/serialize_response.ipp>
