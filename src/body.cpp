// Part of imapwire::compiled: the envelope and body-structure grammar, which the response
// grammar's FETCH items call.
#include <imapwire/impl/body.ipp>
