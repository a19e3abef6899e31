#pragma once

#include "serialspec.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QPushButton;

namespace SockPlay {

/// A client pane's serial port settings, under a "Serial port" frame, shown
/// for the Serial transport only (a port is opened like a client): the
/// device (the ports the system lists, with their descriptions, and a
/// Refresh; editable, so that a path such as /dev/pts/3 can be typed), the
/// speed (the usual rates or a typed one), data bits, parity, stop bits,
/// flow control, and the DTR and RTS lines.
///
/// While the port is open the line's settings are fixed (setOpen), but DTR
/// and RTS stay live: a click asks for the change (lineToggled), and the
/// pane shows what the port then holds (setLines), so that a line the device
/// refused flips back.
///
/// Children are named <prefix>SerialPortCombo, <prefix>SerialRefreshButton,
/// <prefix>SerialBaudCombo, <prefix>SerialDataBitsCombo,
/// <prefix>SerialParityCombo, <prefix>SerialStopBitsCombo,
/// <prefix>SerialFlowCombo, <prefix>SerialDtrCheck, <prefix>SerialRtsCheck.
class SerialOptionsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SerialOptionsPanel)
public:
    SerialOptionsPanel(const QString &objectNamePrefix, const QString &side, QWidget *parent = nullptr);

    /// What the fields describe (a speed that is not a number is left as it
    /// was: see problem()).
    SerialSpec spec() const;
    /// Why Open would fail with these fields ("name a device", "the speed …
    /// is not a number", "1.5 stop bits need 5 data bits"); empty when they fit.
    QString problem() const;
    /// Shows a spec (a session opened, the last run's settings).
    void setSpec(const SerialSpec &spec);
    /// The device as picked or typed ("/dev/ttyUSB0").
    QString device() const;
    /// Open: the line's settings are fixed, DTR and RTS stay live.
    void setOpen(bool open);
    /// Shows the lines as the port holds them (without asking for a change).
    void setLines(bool dtr, bool rts);
    /// Lists the system's serial ports (again); the device typed or picked stays.
    void refreshPorts();

protected:
    void showEvent(QShowEvent *event) override;

signals:
    /// The user turned DTR or RTS on or off.
    void lineToggled(SockPlay::SerialSpec::Line line, bool on);

private:
    QComboBox *m_portCombo = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QComboBox *m_baudCombo = nullptr;
    QComboBox *m_dataBitsCombo = nullptr;
    QComboBox *m_parityCombo = nullptr;
    QComboBox *m_stopBitsCombo = nullptr;
    QComboBox *m_flowCombo = nullptr;
    QCheckBox *m_dtrCheck = nullptr;
    QCheckBox *m_rtsCheck = nullptr;
    bool m_listed = false; ///< the ports were listed once (refreshPorts)
};

} // namespace SockPlay
