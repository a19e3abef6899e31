#pragma once
// What LifecycleTracker's translation units share (lifecycletracker.cpp,
// lifecycletrackerbranches.cpp, lifecycleserial.cpp, lifecycletrackerdtls.cpp):
// its per-endpoint state.

#include "lifecycletracker.h"

namespace SockPlay {

struct LifecycleTracker::Tracked
{
    LifecycleFlow flow;
    int maxConnection = 0; // a client's highest connection id since its start
};

namespace LifecycleDetail {

inline bool isTcp(LifecycleFlow::Kind kind)
{
    return kind == LifecycleFlow::Kind::TcpServer || kind == LifecycleFlow::Kind::TcpClient;
}

} // namespace LifecycleDetail

} // namespace SockPlay
