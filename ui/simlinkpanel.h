#pragma once

#include "simlink.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace SockPlay {

/// A UDP pane's simulated link: loss %, duplicates %, delay ± jitter, seed
/// and the side it acts on, under a header that says plainly that this is a
/// simulation, not a real network. Collapsed it is one line: the header and,
/// while the link does anything, a "SIMULATED LINK" badge, so a class always
/// sees that the loss on screen is made up. Not marked advanced: a teacher
/// shows it in presenter mode.
///
/// Children are named <prefix>SimLinkToggle, <prefix>SimLossSpin,
/// <prefix>SimDupSpin, <prefix>SimDelaySpin, <prefix>SimJitterSpin,
/// <prefix>SimSeedSpin, <prefix>SimDirectionCombo and <prefix>SimLinkBadge.
class SimLinkPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimLinkPanel)
public:
    /// objectNamePrefix ("server", "client2") names the children; side ("Server")
    /// starts their accessible names.
    SimLinkPanel(const QString &objectNamePrefix, const QString &side, QWidget *parent = nullptr);

    /// What the fields describe (seed 0: a random one at each start).
    SimLinkSpec spec() const;
    /// Shows a spec (a session opened); no specChanged().
    void setSpec(const SimLinkSpec &spec);
    /// Shows or hides the fields under the header.
    void setExpanded(bool expanded);
    bool isExpanded() const;

signals:
    /// The user changed a field (spin boxes: once editing is done, not per key).
    void specChanged(const SockPlay::SimLinkSpec &spec);

private:
    void fieldChanged();
    void updateBadge();

    QToolButton *m_toggle = nullptr;
    QLabel *m_badge = nullptr;
    QWidget *m_fields = nullptr;
    QDoubleSpinBox *m_lossSpin = nullptr;
    QDoubleSpinBox *m_dupSpin = nullptr;
    QSpinBox *m_delaySpin = nullptr;
    QSpinBox *m_jitterSpin = nullptr;
    QSpinBox *m_seedSpin = nullptr;
    QComboBox *m_directionCombo = nullptr;
    bool m_applying = false; // setSpec() fills the fields: no specChanged()
};

} // namespace SockPlay
