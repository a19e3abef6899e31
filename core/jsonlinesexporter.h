#pragma once

#include "eventexporter.h"

namespace SockPlay {

/// Events as JSON Lines: one compact JSON object per line, exactly as the
/// CLI's --json prints them (EventFormat::toJson). A Dropped row has kind
/// "dropped" and says how many events in its detail.
class JsonLinesExporter final : public EventExporter
{
public:
    explicit JsonLinesExporter(QIODevice *device);

    bool begin() override { return true; }
    bool write(const Event &event) override;
};

} // namespace SockPlay
