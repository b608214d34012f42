// Part of imapwire::compiled: the msg-att grammar (FETCH response items), which the response
// grammar calls; it calls the envelope and body-structure grammar (src/body.cpp).
#include <imapwire/impl/fetch.ipp>
