#pragma once

#include "endpointtypes.h"

#include <QGroupBox>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace SockPlay {

/// A relay pane's settings, under a "Relay" frame: where each client is
/// forwarded (target host and port), TLS on either side (the clients' side
/// with a self-signed certificate made at Start; the target's, verified or
/// not), and a delay for each direction (RelaySpec). With UDP checked it is
/// a UDP relay: no TLS, an idle timeout per association, and the pane shows
/// its simulated-link controls (the UDP panes' SimLinkPanel).
///
/// Children are named <prefix>RelayTargetHostEdit, <prefix>RelayTargetPortSpin,
/// <prefix>RelayListenTlsCheck, <prefix>RelayTargetTlsCheck,
/// <prefix>RelayVerifyCheck, <prefix>RelayDelayToTargetSpin,
/// <prefix>RelayDelayToClientSpin, <prefix>RelayUdpCheck,
/// <prefix>RelayIdleTimeoutSpin.
class RelayOptionsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayOptionsPanel)
public:
    RelayOptionsPanel(const QString &objectNamePrefix, QWidget *parent = nullptr);

    /// What the fields describe. TLS files set elsewhere (a session file's
    /// certificate, CA) are kept from the last setSpec().
    RelaySpec spec() const;
    /// Why Start would fail with these fields; empty when they fit together.
    QString problem() const;
    /// Shows a spec (a session opened).
    void setSpec(const RelaySpec &spec);
    /// UDP is checked: datagrams both ways.
    bool isUdp() const;

signals:
    /// TLS for the clients was switched on or off (what a client must speak).
    void clientSideChanged();
    /// UDP was checked or unchecked (the simulated link's controls follow it).
    void udpChanged(bool udp);

private:
    void updateRows();

    RelaySpec m_shown; // what setSpec() gave: TLS settings the panel has no field for
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QCheckBox *m_listenTlsCheck = nullptr;
    QCheckBox *m_targetTlsCheck = nullptr;
    QCheckBox *m_verifyCheck = nullptr;
    QSpinBox *m_delayToTargetSpin = nullptr;
    QSpinBox *m_delayToClientSpin = nullptr;
    QCheckBox *m_udpCheck = nullptr;
    QSpinBox *m_idleSpin = nullptr;
};

} // namespace SockPlay
