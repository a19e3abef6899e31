#pragma once

#include "endpointtypes.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QWidget;

namespace SockPlay {

/// A UDP pane's multicast and broadcast settings, under a checkable
/// "Multicast and broadcast" frame (unchecked: folded, and the endpoint
/// plain unicast UDP), shown for UDP only.
///
/// Server (a receiver): the groups it joins as it starts (IPv4 and IPv6,
/// comma-separated), the interface they are joined on, and while it runs
/// a group to join or leave now (joinRequested, leaveRequested). Client (a
/// sender, whose host may be a group or a broadcast address): the TTL (hop
/// limit), the interface multicast goes out of, whether this host's own
/// members get it too (loopback), and whether it may send to a broadcast
/// address.
///
/// Children are named <prefix>McastGroupsEdit, <prefix>McastJoinEdit,
/// <prefix>McastJoinButton, <prefix>McastLeaveButton (server),
/// <prefix>McastTtlSpin, <prefix>McastLoopbackCheck,
/// <prefix>McastBroadcastCheck (client), <prefix>McastInterfaceCombo.
class MulticastOptionsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MulticastOptionsPanel)
public:
    MulticastOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side, QWidget *parent = nullptr);

    /// The fields into a config about to start (unchecked: the defaults,
    /// no groups). Groups that do not parse are left out: see problem().
    void apply(EndpointConfig &config) const;
    /// Shows a config's settings; checked when any differs from the default.
    void showConfig(const EndpointConfig &config);
    /// Why Start would fail ("239.1.2" is not a group, no such interface, a
    /// TTL out of range); empty when the fields are fine.
    QString problem() const;
    /// The groups typed, as given (server), or none while unchecked.
    QStringList groups() const;
    /// Server: while running the groups field shows the groups joined now,
    /// and a group can be joined or left.
    void setRunning(bool running, const QStringList &joined = {});

signals:
    /// Server: join or leave a group now, on an interface (empty: the configured one).
    void joinRequested(const QString &group, const QString &interfaceName);
    void leaveRequested(const QString &group, const QString &interfaceName);
    /// The groups a start would join changed (typed, or the frame checked or unchecked).
    void groupsChanged();

private:
    QString interfaceName() const;
    void requestChange(bool join);

    const Role m_role;
    QWidget *m_body = nullptr;
    QLineEdit *m_groupsEdit = nullptr;
    QLineEdit *m_joinEdit = nullptr;
    QPushButton *m_joinButton = nullptr;
    QPushButton *m_leaveButton = nullptr;
    QComboBox *m_interfaceCombo = nullptr;
    QSpinBox *m_ttlSpin = nullptr;
    QCheckBox *m_loopbackCheck = nullptr;
    QCheckBox *m_broadcastCheck = nullptr;
};

} // namespace SockPlay
