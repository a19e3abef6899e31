#pragma once

#include <QColor>
#include <QIcon>

namespace SockPlay {

/// Each endpoint's colour, the same in every view (the pane's tab, the log's
/// side column, the diagrams): a fixed palette of eight colours, dealt in
/// order of creation. The session numbers endpoints from 1 in the order they
/// are made, so the colour follows from the id alone and needs no registry;
/// the ninth endpoint starts the palette again.
///
/// Every colour reads as text on a white background (contrast at least
/// 4.5:1) and differs in hue from its neighbours.
class EndpointColors final
{
public:
    static constexpr int PaletteSize = 8;

    /// The colour of endpoint endpointId (ids from 1; 0 and below: grey, for
    /// what belongs to no endpoint, such as the window's own notes).
    static QColor colorFor(int endpointId);
    /// A small filled square of that colour with a thin darker border, for a
    /// tab or a list (size in device-independent pixels).
    static QIcon swatch(int endpointId, int size = 16);
};

} // namespace SockPlay
