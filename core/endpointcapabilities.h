#pragma once

#include "endpointtypes.h"

namespace SockPlay {

/// The one statement of what each kind of endpoint can do (udpRelay: a
/// relay whose sides are UDP, RelaySpec::udp). Session::capabilitiesOf gives
/// it before an endpoint exists, and every endpoint class answers
/// capabilities() with it for its own transport and role, so an idle
/// pane's snapshot and a live endpoint's cannot disagree.
EndpointCapabilities endpointCapabilities(Transport transport, Role role, bool udpRelay = false);

} // namespace SockPlay
