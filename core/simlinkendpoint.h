#pragma once

#include "endpoint.h"
#include "simulatedlink.h"

namespace SockPlay {

/// An endpoint with a simulated link on one side of its sockets (a UDP
/// socket; a UDP relay, on its side to the target): where the link is kept,
/// how a new spec reaches it while running (Session::setSimLink), and what
/// the log says of it, once for both. What the link does to each datagram is
/// the subclass's (it hands held datagrams back through release()).
class SimLinkEndpoint : public Endpoint
{
    Q_OBJECT
public:
    using Endpoint::Endpoint;

    /// A new simulated link, also while running: from the next datagram on
    /// (the generator starts again from its seed; what is held goes out when
    /// due). Logged as a note; kept for the next start.
    void setSimLink(const SimLinkSpec &spec);
    /// The link since the first active spec (its counts), else nullptr.
    const SimulatedLink *simulatedLink() const { return m_simLink.link; }

protected:
    /// At start, once bound: the link takes the config's spec, and a note
    /// says what it does when it is on.
    void startSimLink(const SimLinkSpec &spec);
    /// A datagram the link let through (and did not drop): released now when
    /// the link delays nothing, else held until due. False when the link is
    /// full (a note says so once per burst): the caller logs the drop.
    bool passThroughLink(SimulatedLink::Datagram &&datagram);
    /// At stop: what the link holds is discarded, and a note counts it.
    void discardSimLinkHeld();
    /// The link (made on first use) takes the spec; the per-datagram flags follow it.
    void applySimLink(const SimLinkSpec &spec);
    /// A held datagram is due (or one that needs no delay): sent or delivered.
    virtual void release(SimulatedLink::Datagram &&datagram) = 0;
    /// Bound, so that a new spec applies now (else the next start takes it).
    virtual bool isBound() const = 0;
    /// Where the link sits, after its description in the log (empty: between
    /// the program and its one socket).
    virtual QString simLinkPlace() const { return {}; }

    SimLinkSlot m_simLink; // made for the first active spec, kept; which way it acts (checked per datagram)
};

} // namespace SockPlay
