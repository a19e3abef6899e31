#pragma once
// What lifecycletracker.cpp and lifecycletrackerdtls.cpp share: one endpoint's flow as tracked.

#include "lifecycletracker.h"

namespace SockPlay {

struct LifecycleTracker::Tracked
{
    LifecycleFlow flow;
    int maxConnection = 0; // a client's highest connection id since its start
};

} // namespace SockPlay
