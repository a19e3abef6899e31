#include "simlinkendpoint.h"

namespace SockPlay {

void SimLinkEndpoint::setSimLink(const SimLinkSpec &spec)
{
    EndpointConfig config = this->config();
    if (config.simLink == spec)
        return;
    config.simLink = spec;
    setConfig(config);
    if (!isBound())
        return; // the next start takes it
    applySimLink(spec);
    logEvent(EventKind::Note, spec.isActive() ? m_simLink.link->describe() + simLinkPlace()
                                              : QStringLiteral("simulated link off"));
}

void SimLinkEndpoint::startSimLink(const SimLinkSpec &spec)
{
    applySimLink(spec);
    if (spec.isActive())
        logEvent(EventKind::Note, m_simLink.link->describe() + simLinkPlace());
}

bool SimLinkEndpoint::passThroughLink(SimulatedLink::Datagram &&datagram)
{
    if (!m_simLink.link->delays()) {
        release(std::move(datagram));
        return true;
    }
    switch (m_simLink.link->hold(std::move(datagram))) {
    case SimulatedLink::HoldResult::Held:
        return true;
    case SimulatedLink::HoldResult::FullFirst:
        logEvent(EventKind::Note, QStringLiteral("the simulated link holds its limit of %1 datagrams (%2 MiB): "
                                                 "datagrams are dropped until some have gone through")
                                      .arg(SimulatedLink::MaxHeldDatagrams)
                                      .arg(SimulatedLink::MaxHeldBytes >> 20));
        break;
    case SimulatedLink::HoldResult::Full:
        break;
    }
    return false;
}

void SimLinkEndpoint::discardSimLinkHeld()
{
    if (const int held = m_simLink.link ? m_simLink.link->discard() : 0; held > 0)
        logEvent(EventKind::Note, held == 1 ? QStringLiteral("1 datagram held by the simulated link discarded")
                                            : QStringLiteral("%1 datagrams held by the simulated link discarded").arg(held));
}

void SimLinkEndpoint::applySimLink(const SimLinkSpec &spec)
{
    m_simLink.apply(this, spec, [this](SimulatedLink::Datagram &&datagram) { release(std::move(datagram)); });
}

} // namespace SockPlay
