#include "simlinkpanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace SockPlay {

SimLinkPanel::SimLinkPanel(const QString &objectNamePrefix, const QString &side, QWidget *parent)
    : QWidget(parent)
{
    // QString, not auto: a QStringBuilder would outlive the QLatin1String it points to.
    const auto name = [&objectNamePrefix](const char *suffix) -> QString { return objectNamePrefix + QLatin1String(suffix); };
    setObjectName(name("SimLinkPanel"));

    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(name("SimLinkToggle"));
    m_toggle->setText(tr("Simulated link (not a real network)"));
    m_toggle->setAccessibleName(tr("%1 simulated link settings").arg(side));
    m_toggle->setToolTip(tr("Make this UDP endpoint lose, duplicate and delay datagrams on purpose, with a seed "
                            "so that it behaves the same each time. Nothing leaves the machine differently: "
                            "SockPlay itself drops or holds the datagrams."));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);

    // Bold and coloured, in the window's font size: seen from the back of a classroom.
    m_badge = new QLabel(this);
    m_badge->setObjectName(name("SimLinkBadge"));
    m_badge->setTextFormat(Qt::RichText);
    m_badge->setText(QStringLiteral("<span style=\"background:#b3261e; color:white; font-weight:700\">&nbsp;%1&nbsp;</span>")
                         .arg(tr("SIMULATED LINK").toHtmlEscaped()));
    m_badge->hide();

    m_fields = new QWidget(this);
    m_fields->setObjectName(name("SimLinkFields"));
    m_lossSpin = new QDoubleSpinBox(m_fields);
    m_lossSpin->setObjectName(name("SimLossSpin"));
    m_lossSpin->setAccessibleName(tr("%1 simulated loss percent").arg(side));
    m_lossSpin->setToolTip(tr("Datagrams dropped, in percent; each drop is logged as \"dropped by the simulated link\""));
    m_dupSpin = new QDoubleSpinBox(m_fields);
    m_dupSpin->setObjectName(name("SimDupSpin"));
    m_dupSpin->setAccessibleName(tr("%1 simulated duplicates percent").arg(side));
    m_dupSpin->setToolTip(tr("Datagrams delivered twice, in percent (of those not dropped)"));
    for (QDoubleSpinBox *spin : {m_lossSpin, m_dupSpin}) {
        spin->setRange(0, 100);
        spin->setDecimals(1);
        spin->setSuffix(QStringLiteral(" %"));
    }
    m_delaySpin = new QSpinBox(m_fields);
    m_delaySpin->setObjectName(name("SimDelaySpin"));
    m_delaySpin->setAccessibleName(tr("%1 simulated delay milliseconds").arg(side));
    m_delaySpin->setToolTip(tr("Each datagram is held this long before it goes on"));
    m_delaySpin->setRange(0, SimLinkSpec::MaxDelayMs);
    m_delaySpin->setSuffix(tr(" ms"));
    m_jitterSpin = new QSpinBox(m_fields);
    m_jitterSpin->setObjectName(name("SimJitterSpin"));
    m_jitterSpin->setAccessibleName(tr("%1 simulated jitter milliseconds").arg(side));
    m_jitterSpin->setToolTip(tr("Plus or minus up to this, at random, so that datagrams overtake each other "
                                "(at most the delay)"));
    m_jitterSpin->setRange(0, 0);
    m_jitterSpin->setPrefix(QStringLiteral("± "));
    m_jitterSpin->setSuffix(tr(" ms"));
    m_seedSpin = new QSpinBox(m_fields);
    m_seedSpin->setObjectName(name("SimSeedSpin"));
    m_seedSpin->setAccessibleName(tr("%1 simulated link seed").arg(side));
    m_seedSpin->setToolTip(tr("The same seed gives the same drops, duplicates and delays each time; "
                              "random: a new one at each start, shown in the log"));
    m_seedSpin->setRange(0, std::numeric_limits<int>::max());
    m_seedSpin->setSpecialValueText(tr("random"));
    m_directionCombo = new QComboBox(m_fields);
    m_directionCombo->setObjectName(name("SimDirectionCombo"));
    m_directionCombo->setAccessibleName(tr("%1 simulated link applies to").arg(side));
    m_directionCombo->addItem(tr("on send"), int(SimLinkSpec::Direction::Send));
    m_directionCombo->addItem(tr("on receive"), int(SimLinkSpec::Direction::Receive));
    m_directionCombo->setToolTip(tr("Act on the datagrams this endpoint sends, or on those it receives"));
    // A step of the arrows or Enter applies; typing "15" is one change, not two.
    for (QAbstractSpinBox *spin : std::initializer_list<QAbstractSpinBox *>{m_lossSpin, m_dupSpin, m_delaySpin,
                                                                          m_jitterSpin, m_seedSpin})
        spin->setKeyboardTracking(false);

    auto *lossLabel = new QLabel(tr("&Loss"), m_fields);
    lossLabel->setBuddy(m_lossSpin);
    auto *dupLabel = new QLabel(tr("D&uplicates"), m_fields);
    dupLabel->setBuddy(m_dupSpin);
    auto *delayLabel = new QLabel(tr("Dela&y"), m_fields);
    delayLabel->setBuddy(m_delaySpin);
    auto *jitterLabel = new QLabel(tr("Jitter"), m_fields);
    jitterLabel->setBuddy(m_jitterSpin);
    auto *seedLabel = new QLabel(tr("Seed"), m_fields);
    seedLabel->setBuddy(m_seedSpin);
    //: Before the combo box "on send" / "on receive": "Acts on send".
    auto *directionLabel = new QLabel(tr("Acts"), m_fields);
    directionLabel->setBuddy(m_directionCombo);
    // Two pairs a row, not ten fields in one: the pane stays as narrow as its
    // other rows, and the client pane stays beside it on a projector.
    auto *fields = new QGridLayout(m_fields);
    fields->setContentsMargins(0, 0, 0, 0);
    const QList<std::pair<QLabel *, QWidget *>> pairs{{lossLabel, m_lossSpin},   {dupLabel, m_dupSpin},
                                                      {delayLabel, m_delaySpin}, {jitterLabel, m_jitterSpin},
                                                      {seedLabel, m_seedSpin},   {directionLabel, m_directionCombo}};
    for (int i = 0; i < pairs.size(); ++i) {
        fields->addWidget(pairs.at(i).first, i / 2, (i % 2) * 2);
        fields->addWidget(pairs.at(i).second, i / 2, (i % 2) * 2 + 1);
    }
    fields->setColumnStretch(4, 1);
    m_fields->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_toggle);
    header->addWidget(m_badge);
    header->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_fields);

    connect(m_toggle, &QToolButton::toggled, this, &SimLinkPanel::setExpanded);
    connect(m_lossSpin, &QDoubleSpinBox::valueChanged, this, &SimLinkPanel::fieldChanged);
    connect(m_dupSpin, &QDoubleSpinBox::valueChanged, this, &SimLinkPanel::fieldChanged);
    connect(m_delaySpin, &QSpinBox::valueChanged, this, [this](int delay) {
        // The jitter never exceeds the delay: a datagram cannot arrive before it was sent.
        const QSignalBlocker blocker(m_jitterSpin);
        m_jitterSpin->setMaximum(delay);
        fieldChanged();
    });
    connect(m_jitterSpin, &QSpinBox::valueChanged, this, &SimLinkPanel::fieldChanged);
    connect(m_seedSpin, &QSpinBox::valueChanged, this, &SimLinkPanel::fieldChanged);
    connect(m_directionCombo, &QComboBox::currentIndexChanged, this, &SimLinkPanel::fieldChanged);
    updateBadge();
}

SimLinkSpec SimLinkPanel::spec() const
{
    SimLinkSpec spec;
    spec.lossPercent = m_lossSpin->value();
    spec.duplicatePercent = m_dupSpin->value();
    spec.delayMs = m_delaySpin->value();
    spec.jitterMs = std::min(m_jitterSpin->value(), spec.delayMs);
    spec.seed = quint32(m_seedSpin->value());
    spec.direction = SimLinkSpec::Direction(m_directionCombo->currentData().toInt());
    return spec;
}

void SimLinkPanel::setSpec(const SimLinkSpec &spec)
{
    m_applying = true;
    m_lossSpin->setValue(spec.lossPercent);
    m_dupSpin->setValue(spec.duplicatePercent);
    m_delaySpin->setValue(spec.delayMs);
    m_jitterSpin->setValue(spec.jitterMs);
    m_seedSpin->setValue(int(std::min<quint32>(spec.seed, quint32(std::numeric_limits<int>::max()))));
    m_directionCombo->setCurrentIndex(std::max(0, m_directionCombo->findData(int(spec.direction))));
    m_applying = false;
    updateBadge();
    if (spec.isActive())
        setExpanded(true); // a session that uses it shows it
}

void SimLinkPanel::setExpanded(bool expanded)
{
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_fields->setVisible(expanded);
}

bool SimLinkPanel::isExpanded() const
{
    return m_toggle->isChecked();
}

void SimLinkPanel::fieldChanged()
{
    updateBadge();
    if (!m_applying)
        emit specChanged(spec());
}

void SimLinkPanel::updateBadge()
{
    const SimLinkSpec current = spec();
    m_badge->setVisible(current.isActive());
    // What a screen reader says on the badge: the whole setting.
    m_badge->setAccessibleName(current.isActive() ? current.describe() : tr("no simulated link"));
    m_badge->setToolTip(current.isActive() ? current.describe() : QString());
}

} // namespace SockPlay
