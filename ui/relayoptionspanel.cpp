#include "relayoptionspanel.h"

#include "presentermode.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace SockPlay {

namespace {

QSpinBox *delaySpin(QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(0, RelaySpec::MaxDelayMs);
    spin->setSingleStep(50);
    spin->setSuffix(RelayOptionsPanel::tr(" ms"));
    return spin;
}

} // namespace

RelayOptionsPanel::RelayOptionsPanel(const QString &objectNamePrefix, QWidget *parent)
    : QGroupBox(tr("Relay"), parent)
{
    const auto name = [&objectNamePrefix](const char *suffix) -> QString { return objectNamePrefix + QLatin1String(suffix); };
    setObjectName(name("RelayOptions"));
    setAccessibleName(tr("Relay settings"));
    auto *grid = new QGridLayout(this);

    m_hostEdit = new QLineEdit(QStringLiteral("127.0.0.1"), this);
    m_hostEdit->setObjectName(name("RelayTargetHostEdit"));
    m_hostEdit->setAccessibleName(tr("Relay target host"));
    m_hostEdit->setToolTip(tr("The host each client is forwarded to (a name or an address)."));
    auto *hostLabel = new QLabel(tr("Tar&get"), this);
    hostLabel->setBuddy(m_hostEdit);
    m_portSpin = new QSpinBox(this);
    m_portSpin->setObjectName(name("RelayTargetPortSpin"));
    m_portSpin->setAccessibleName(tr("Relay target port"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("none"));
    m_portSpin->setToolTip(tr("The port the target listens on."));
    auto *portLabel = new QLabel(tr("Target port"), this);
    portLabel->setBuddy(m_portSpin);
    grid->addWidget(hostLabel, 0, 0);
    grid->addWidget(m_hostEdit, 0, 1);
    grid->addWidget(portLabel, 0, 2);
    grid->addWidget(m_portSpin, 0, 3);

    m_listenTlsCheck = new QCheckBox(tr("TLS for the clients (self-signed, made at Start)"), this);
    m_listenTlsCheck->setObjectName(name("RelayListenTlsCheck"));
    m_listenTlsCheck->setAccessibleName(tr("Relay TLS for the clients"));
    m_listenTlsCheck->setToolTip(tr("Clients reach the relay over TLS; the relay presents a certificate made at "
                                    "Start (clients must trust it or not verify)."));
    m_targetTlsCheck = new QCheckBox(tr("TLS to the target"), this);
    m_targetTlsCheck->setObjectName(name("RelayTargetTlsCheck"));
    m_targetTlsCheck->setAccessibleName(tr("Relay TLS to the target"));
    m_targetTlsCheck->setToolTip(tr("The relay reaches the target over TLS."));
    m_verifyCheck = new QCheckBox(tr("Verify the target's certificate"), this);
    m_verifyCheck->setObjectName(name("RelayVerifyCheck"));
    m_verifyCheck->setAccessibleName(tr("Relay verify the target"));
    m_verifyCheck->setToolTip(tr("Check the target's chain (the system's CAs) and name. Off: each problem is "
                                 "logged as a note and the connection goes on."));
    m_verifyCheck->setChecked(true);
    grid->addWidget(m_listenTlsCheck, 1, 0, 1, 4);
    grid->addWidget(m_targetTlsCheck, 2, 0, 1, 2);
    grid->addWidget(m_verifyCheck, 2, 2, 1, 2);

    m_delayToTargetSpin = delaySpin(this);
    m_delayToTargetSpin->setObjectName(name("RelayDelayToTargetSpin"));
    m_delayToTargetSpin->setAccessibleName(tr("Relay delay to the target"));
    m_delayToTargetSpin->setToolTip(tr("Each chunk from a client is held this long before it goes to the target."));
    m_delayToClientSpin = delaySpin(this);
    m_delayToClientSpin->setObjectName(name("RelayDelayToClientSpin"));
    m_delayToClientSpin->setAccessibleName(tr("Relay delay to the client"));
    m_delayToClientSpin->setToolTip(tr("Each chunk from the target is held this long before it goes to its client."));
    auto *toTargetLabel = new QLabel(tr("Delay to target"), this);
    toTargetLabel->setBuddy(m_delayToTargetSpin);
    auto *toClientLabel = new QLabel(tr("to client"), this);
    toClientLabel->setBuddy(m_delayToClientSpin);
    grid->addWidget(toTargetLabel, 3, 0);
    grid->addWidget(m_delayToTargetSpin, 3, 1, Qt::AlignLeft);
    grid->addWidget(toClientLabel, 3, 2);
    grid->addWidget(m_delayToClientSpin, 3, 3);
    m_udpCheck = new QCheckBox(tr("&UDP: datagrams both ways"), this);
    m_udpCheck->setObjectName(name("RelayUdpCheck"));
    m_udpCheck->setAccessibleName(tr("Relay UDP"));
    m_udpCheck->setToolTip(tr("A UDP relay: each client (address and port) gets a socket of its own to the target, "
                              "a datagram for a datagram. No TLS; the simulated link acts on the side to the target."));
    m_idleSpin = new QSpinBox(this);
    m_idleSpin->setObjectName(name("RelayIdleTimeoutSpin"));
    m_idleSpin->setAccessibleName(tr("Relay idle timeout"));
    m_idleSpin->setRange(RelaySpec::MinIdleTimeoutMs, RelaySpec::MaxIdleTimeoutMs);
    m_idleSpin->setSingleStep(1000);
    m_idleSpin->setValue(RelaySpec::DefaultIdleTimeoutMs);
    m_idleSpin->setSuffix(tr(" ms"));
    m_idleSpin->setToolTip(tr("A client's association ends after this long without a datagram either way."));
    auto *idleLabel = new QLabel(tr("Idle timeout"), this);
    idleLabel->setBuddy(m_idleSpin);
    grid->addWidget(m_udpCheck, 4, 0, 1, 2);
    grid->addWidget(idleLabel, 4, 2);
    grid->addWidget(m_idleSpin, 4, 3);
    grid->setColumnStretch(1, 1);
    for (QWidget *advanced : std::initializer_list<QWidget *>{toTargetLabel, m_delayToTargetSpin, toClientLabel,
                                                               m_delayToClientSpin, idleLabel, m_idleSpin})
        PresenterMode::markAdvanced(advanced);

    connect(m_targetTlsCheck, &QCheckBox::toggled, this, &RelayOptionsPanel::updateRows);
    connect(m_udpCheck, &QCheckBox::toggled, this, [this](bool udp) {
        updateRows();
        emit udpChanged(udp);
        emit clientSideChanged(); // a client now speaks UDP (or TCP again)
    });
    connect(m_listenTlsCheck, &QCheckBox::toggled, this, &RelayOptionsPanel::clientSideChanged);
    updateRows();
}

void RelayOptionsPanel::updateRows()
{
    const bool udp = m_udpCheck->isChecked();
    m_listenTlsCheck->setEnabled(!udp);
    m_targetTlsCheck->setEnabled(!udp);
    m_verifyCheck->setEnabled(!udp && m_targetTlsCheck->isChecked());
    m_idleSpin->setEnabled(udp);
}

bool RelayOptionsPanel::isUdp() const
{
    return m_udpCheck->isChecked();
}

RelaySpec RelayOptionsPanel::spec() const
{
    RelaySpec spec = m_shown;
    spec.targetHost = m_hostEdit->text().trimmed();
    spec.targetPort = quint16(m_portSpin->value());
    spec.delayToTargetMs = m_delayToTargetSpin->value();
    spec.delayToClientMs = m_delayToClientSpin->value();
    spec.udp = m_udpCheck->isChecked();
    spec.idleTimeoutMs = m_idleSpin->value();
    if (spec.udp || !m_listenTlsCheck->isChecked()) {
        spec.listenTls.reset();
    } else if (!spec.listenTls) {
        TlsSpec tls;
        tls.selfSigned = true;
        tls.verifyPeer = false;
        spec.listenTls = tls;
    }
    if (spec.udp || !m_targetTlsCheck->isChecked()) {
        spec.targetTls.reset();
    } else {
        TlsSpec tls = spec.targetTls.value_or(TlsSpec{});
        tls.verifyPeer = m_verifyCheck->isChecked();
        spec.targetTls = tls;
    }
    return spec;
}

QString RelayOptionsPanel::problem() const
{
    const RelaySpec relay = spec();
    if (relay.targetHost.isEmpty())
        return tr("The relay needs a target: type the host each client is forwarded to.");
    if (relay.targetPort == 0)
        return tr("The relay needs the target's port (1–65535).");
    if (const QString problem = relay.validate(); !problem.isEmpty())
        return problem;
    return {};
}

void RelayOptionsPanel::setSpec(const RelaySpec &spec)
{
    m_shown = spec;
    m_hostEdit->setText(spec.targetHost.isEmpty() ? QStringLiteral("127.0.0.1") : spec.targetHost);
    m_portSpin->setValue(spec.targetPort);
    m_listenTlsCheck->setChecked(spec.listenTls.has_value());
    m_targetTlsCheck->setChecked(spec.targetTls.has_value());
    m_verifyCheck->setChecked(!spec.targetTls || spec.targetTls->verifyPeer);
    m_delayToTargetSpin->setValue(spec.delayToTargetMs);
    m_delayToClientSpin->setValue(spec.delayToClientMs);
    m_idleSpin->setValue(spec.idleTimeoutMs);
    m_udpCheck->setChecked(spec.udp);
    updateRows();
}

} // namespace SockPlay
