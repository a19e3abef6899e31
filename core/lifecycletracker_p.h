#pragma once
// What LifecycleTracker's translation units share (lifecycletracker.cpp,
// lifecycleserial.cpp): its per-endpoint state.

#include "lifecycletracker.h"

namespace SockPlay {

struct LifecycleTracker::Tracked
{
    LifecycleFlow flow;
    int maxConnection = 0; // a client's highest connection id since its start
};

} // namespace SockPlay
