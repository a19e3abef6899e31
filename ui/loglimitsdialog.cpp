#include "loglimitsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SockPlay {

namespace {
constexpr qint64 MiB = 1 << 20;
constexpr int KiB = 1 << 10;
} // namespace

LogLimitsDialog::LogLimitsDialog(const EventLog::Limits &limits, QWidget *parent)
    : QDialog(parent)
    , m_limits(limits)
{
    setObjectName(QStringLiteral("logLimitsDialog"));
    // A window of its own does not inherit the main window's (projector-sized) font.
    if (parent)
        setFont(parent->window()->font());
    setWindowTitle(tr("Log limits"));
    setAccessibleName(tr("Log limits"));

    m_capacitySpin = new QSpinBox(this);
    m_capacitySpin->setObjectName(QStringLiteral("logCapacitySpin"));
    m_capacitySpin->setAccessibleName(tr("Events kept"));
    m_capacitySpin->setRange(1000, 50000000);
    m_capacitySpin->setSingleStep(100000);
    m_capacitySpin->setGroupSeparatorShown(true);
    m_capacitySpin->setValue(limits.capacity);

    m_payloadTotalSpin = new QSpinBox(this);
    m_payloadTotalSpin->setObjectName(QStringLiteral("logPayloadTotalSpin"));
    m_payloadTotalSpin->setAccessibleName(tr("Payload memory in MiB"));
    m_payloadTotalSpin->setRange(0, 64 * 1024);
    m_payloadTotalSpin->setSuffix(tr(" MiB"));
    m_payloadTotalSpin->setValue(int(limits.payloadBytesTotal / MiB));

    m_payloadPerEventSpin = new QSpinBox(this);
    m_payloadPerEventSpin->setObjectName(QStringLiteral("logPayloadPerEventSpin"));
    m_payloadPerEventSpin->setAccessibleName(tr("Payload kept per event in KiB"));
    m_payloadPerEventSpin->setRange(0, 1024);
    m_payloadPerEventSpin->setSuffix(tr(" KiB"));
    m_payloadPerEventSpin->setValue(limits.payloadBytesPerEvent / KiB);

    auto *explanation = new QLabel(
        tr("When the log is full, the oldest data events go first; connections, "
           "lifecycle steps and errors are kept longer, and a row says how many events "
           "were dropped. When the payload memory runs out, the oldest events lose "
           "their bytes first."),
        this);
    explanation->setWordWrap(true);
    explanation->setMinimumWidth(fontMetrics().averageCharWidth() * 50);

    auto *form = new QFormLayout;
    form->addRow(tr("&Events kept:"), m_capacitySpin);
    form->addRow(tr("&Payload memory:"), m_payloadTotalSpin);
    form->addRow(tr("Payload kept per &event:"), m_payloadPerEventSpin);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("logLimitsButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(buttons);
}

EventLog::Limits LogLimitsDialog::limits() const
{
    EventLog::Limits limits = m_limits;
    limits.capacity = m_capacitySpin->value();
    limits.payloadBytesTotal = qint64(m_payloadTotalSpin->value()) * MiB;
    limits.payloadBytesPerEvent = m_payloadPerEventSpin->value() * KiB;
    return limits;
}

EventLog::Limits LogLimitsDialog::load()
{
    const EventLog::Limits defaults;
    QSettings settings;
    EventLog::Limits limits = defaults;
    limits.capacity = settings.value(QStringLiteral("log/capacity"), defaults.capacity).toInt();
    limits.payloadBytesTotal = settings.value(QStringLiteral("log/payloadBytesTotal"), defaults.payloadBytesTotal).toLongLong();
    limits.payloadBytesPerEvent = settings.value(QStringLiteral("log/payloadBytesPerEvent"), defaults.payloadBytesPerEvent).toInt();
    if (limits.capacity < 1000)
        limits.capacity = defaults.capacity; // a broken settings file must not leave an unusable log
    return limits;
}

void LogLimitsDialog::save(const EventLog::Limits &limits)
{
    QSettings settings;
    settings.setValue(QStringLiteral("log/capacity"), limits.capacity);
    settings.setValue(QStringLiteral("log/payloadBytesTotal"), limits.payloadBytesTotal);
    settings.setValue(QStringLiteral("log/payloadBytesPerEvent"), limits.payloadBytesPerEvent);
}

} // namespace SockPlay
