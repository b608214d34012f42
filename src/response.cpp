// Part of imapwire::compiled: the server-response grammar (but envelopes and body structures,
// src/body.cpp) and its entry points.
#include <imapwire/impl/response.ipp>
