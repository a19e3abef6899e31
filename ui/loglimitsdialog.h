#pragma once

#include "eventlog.h"

#include <QDialog>

class QSpinBox;

namespace SockPlay {

/// The log's limits, where the user sees and changes them: how many events
/// it keeps, the payload memory in all, and the payload bytes kept per event.
/// Remembered between runs (QSettings).
class LogLimitsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LogLimitsDialog(const EventLog::Limits &limits, QWidget *parent = nullptr);

    EventLog::Limits limits() const;

    /// The limits saved by the last run (the defaults when none).
    static EventLog::Limits load();
    static void save(const EventLog::Limits &limits);

private:
    EventLog::Limits m_limits;
    QSpinBox *m_capacitySpin = nullptr;
    QSpinBox *m_payloadTotalSpin = nullptr;
    QSpinBox *m_payloadPerEventSpin = nullptr;
};

} // namespace SockPlay
