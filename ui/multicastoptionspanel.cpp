#include "multicastoptionspanel.h"

#include "multicast.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

QStringList groupsIn(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

MulticastOptionsPanel::MulticastOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side,
                                             QWidget *parent)
    : QGroupBox(tr("Multicast and broadcast"), parent)
    , m_role(role)
{
    const bool receiver = role == Role::Server;
    const auto name = [&objectNamePrefix](const char *suffix) -> QString { return objectNamePrefix + QLatin1String(suffix); };
    setObjectName(name("McastOptions"));
    setAccessibleName(tr("%1 multicast and broadcast settings").arg(side));
    setToolTip(receiver ? tr("Join multicast groups: datagrams sent to a group reach every member")
                        : tr("How multicast and broadcast datagrams go out; the host above may be a group "
                             "(239.255.0.1, ff02::1:5) or a broadcast address"));
    setCheckable(true);
    setChecked(false);

    // Folded while unchecked: a plain UDP pane keeps its room.
    auto *outer = new QVBoxLayout(this);
    m_body = new QWidget(this);
    outer->addWidget(m_body);
    auto *grid = new QGridLayout(m_body);
    grid->setContentsMargins(0, 0, 0, 0);
    int row = 0;
    const auto addRow = [this, grid, &row](const QString &label, QWidget *field, QLayout *rest = nullptr) {
        auto *caption = new QLabel(label, m_body);
        caption->setBuddy(field);
        grid->addWidget(caption, row, 0);
        if (rest)
            grid->addLayout(rest, row, 1);
        else
            grid->addWidget(field, row, 1);
        ++row;
    };

    m_interfaceCombo = new QComboBox(m_body);
    m_interfaceCombo->setObjectName(name("McastInterfaceCombo"));
    m_interfaceCombo->setAccessibleName(tr("%1 multicast interface").arg(side));
    m_interfaceCombo->setEditable(true);
    m_interfaceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_interfaceCombo->lineEdit()->setObjectName(name("McastInterfaceEdit"));
    m_interfaceCombo->lineEdit()->setAccessibleName(tr("%1 multicast interface").arg(side));
    m_interfaceCombo->addItem(tr("the system's choice"), QString());
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces())
        m_interfaceCombo->addItem(iface.name(), iface.name());
    m_interfaceCombo->setToolTip(receiver ? tr("Where the groups are joined: lo keeps them on this machine")
                                          : tr("Where multicast goes out: lo keeps it on this machine"));

    if (receiver) {
        m_groupsEdit = new QLineEdit(m_body);
        m_groupsEdit->setObjectName(name("McastGroupsEdit"));
        m_groupsEdit->setAccessibleName(tr("%1 multicast groups").arg(side));
        m_groupsEdit->setPlaceholderText(tr("e.g. 239.255.0.1, ff02::1:5"));
        m_groupsEdit->setToolTip(tr("Joined as the receiver starts (IPv4 and IPv6, separated by commas); it then "
                                    "binds every interface at its port, as group members do"));
        addRow(tr("Groups"), m_groupsEdit);
        connect(m_groupsEdit, &QLineEdit::textChanged, this, &MulticastOptionsPanel::groupsChanged);

        m_joinEdit = new QLineEdit(m_body);
        m_joinEdit->setObjectName(name("McastJoinEdit"));
        m_joinEdit->setAccessibleName(tr("%1 group to join or leave").arg(side));
        m_joinEdit->setPlaceholderText(tr("a group, while running"));
        m_joinButton = new QPushButton(tr("Join"), m_body);
        m_joinButton->setObjectName(name("McastJoinButton"));
        m_joinButton->setAccessibleName(tr("%1 join the group").arg(side));
        m_joinButton->setAutoDefault(false);
        m_leaveButton = new QPushButton(tr("Leave"), m_body);
        m_leaveButton->setObjectName(name("McastLeaveButton"));
        m_leaveButton->setAccessibleName(tr("%1 leave the group").arg(side));
        m_leaveButton->setAutoDefault(false);
        auto *now = new QHBoxLayout;
        now->addWidget(m_joinEdit, 1);
        now->addWidget(m_joinButton);
        now->addWidget(m_leaveButton);
        addRow(tr("Now"), m_joinEdit, now);
        connect(m_joinButton, &QPushButton::clicked, this, [this] { requestChange(true); });
        connect(m_leaveButton, &QPushButton::clicked, this, [this] { requestChange(false); });
        connect(m_joinEdit, &QLineEdit::returnPressed, this, [this] { requestChange(true); });
        addRow(tr("Interface"), m_interfaceCombo);
        setRunning(false);
    } else {
        m_ttlSpin = new QSpinBox(m_body);
        m_ttlSpin->setObjectName(name("McastTtlSpin"));
        m_ttlSpin->setAccessibleName(tr("%1 multicast TTL").arg(side));
        m_ttlSpin->setRange(-1, Multicast::MaxTtl);
        m_ttlSpin->setValue(-1);
        m_ttlSpin->setSpecialValueText(tr("system default (1)"));
        m_ttlSpin->setToolTip(tr("Routers a multicast datagram may cross (IPv6: the hop limit); 0 keeps it on "
                                 "this host, 1 on this network"));
        addRow(tr("TTL / hops"), m_ttlSpin);
        addRow(tr("Interface"), m_interfaceCombo);
        m_loopbackCheck = new QCheckBox(tr("Loopback: this host's members get it too"), m_body);
        m_loopbackCheck->setObjectName(name("McastLoopbackCheck"));
        m_loopbackCheck->setAccessibleName(tr("%1 multicast loopback").arg(side));
        m_loopbackCheck->setChecked(true);
        m_broadcastCheck = new QCheckBox(tr("May send to a broadcast address"), m_body);
        m_broadcastCheck->setObjectName(name("McastBroadcastCheck"));
        m_broadcastCheck->setAccessibleName(tr("%1 may broadcast").arg(side));
        m_broadcastCheck->setToolTip(tr("SO_BROADCAST: without it the system refuses a send to a broadcast "
                                        "address (such as 255.255.255.255), and the log says so"));
        grid->addWidget(m_loopbackCheck, row++, 1);
        grid->addWidget(m_broadcastCheck, row++, 1);
    }
    grid->setColumnStretch(1, 1);
    m_body->setVisible(false);
    connect(this, &QGroupBox::toggled, m_body, &QWidget::setVisible);
    connect(this, &QGroupBox::toggled, this, &MulticastOptionsPanel::groupsChanged);
}

QString MulticastOptionsPanel::interfaceName() const
{
    const QString text = m_interfaceCombo->currentText().trimmed();
    if (const int item = m_interfaceCombo->findText(text); item >= 0)
        return m_interfaceCombo->itemData(item).toString();
    return text;
}

QStringList MulticastOptionsPanel::groups() const
{
    return m_groupsEdit && isChecked() ? groupsIn(m_groupsEdit->text()) : QStringList{};
}

void MulticastOptionsPanel::apply(EndpointConfig &config) const
{
    const EndpointConfig plain;
    config.multicastGroups = plain.multicastGroups;
    config.multicastInterface = plain.multicastInterface;
    config.multicastTtl = plain.multicastTtl;
    config.multicastLoopback = plain.multicastLoopback;
    config.broadcast = plain.broadcast;
    if (!isChecked())
        return;
    config.multicastInterface = interfaceName();
    if (m_role == Role::Server) {
        QString error;
        for (const QString &group : groups()) {
            if (!Multicast::parseGroup(group, &error).isNull())
                config.multicastGroups.append(group);
        }
        return;
    }
    config.multicastTtl = m_ttlSpin->value();
    config.multicastLoopback = m_loopbackCheck->isChecked();
    config.broadcast = m_broadcastCheck->isChecked();
}

void MulticastOptionsPanel::showConfig(const EndpointConfig &config)
{
    const int item = m_interfaceCombo->findData(config.multicastInterface);
    if (item >= 0)
        m_interfaceCombo->setCurrentIndex(item);
    else
        m_interfaceCombo->setEditText(config.multicastInterface);
    bool used = !config.multicastInterface.isEmpty();
    if (m_role == Role::Server) {
        m_groupsEdit->setText(config.multicastGroups.join(QStringLiteral(", ")));
        used = used || !config.multicastGroups.isEmpty();
    } else {
        m_ttlSpin->setValue(config.multicastTtl);
        m_loopbackCheck->setChecked(config.multicastLoopback);
        m_broadcastCheck->setChecked(config.broadcast);
        used = used || config.multicastTtl >= 0 || !config.multicastLoopback || config.broadcast;
    }
    setChecked(used);
}

QString MulticastOptionsPanel::problem() const
{
    if (!isChecked())
        return {};
    QString error;
    if (const QString name = interfaceName(); !name.isEmpty()) {
        Multicast::findInterface(name, &error);
        if (!error.isEmpty())
            return tr("Multicast: the interface “%1”: %2").arg(name, error);
    }
    const QStringList typed = groups();
    if (!typed.isEmpty() && Multicast::parseGroups(typed, &error).isEmpty())
        return tr("Multicast: %1").arg(error);
    return {};
}

void MulticastOptionsPanel::setRunning(bool running, const QStringList &joined)
{
    m_interfaceCombo->setEnabled(!running);
    if (m_role != Role::Server) {
        m_ttlSpin->setEnabled(!running);
        m_loopbackCheck->setEnabled(!running);
        m_broadcastCheck->setEnabled(!running);
        return;
    }
    // While it runs: the groups it is a member of now, changed by Join and Leave.
    m_groupsEdit->setReadOnly(running);
    if (running)
        m_groupsEdit->setText(joined.join(QStringLiteral(", ")));
    m_joinEdit->setEnabled(running);
    m_joinButton->setEnabled(running);
    m_leaveButton->setEnabled(running);
}

void MulticastOptionsPanel::requestChange(bool join)
{
    const QString group = m_joinEdit->text().trimmed();
    if (join)
        emit joinRequested(group, interfaceName());
    else
        emit leaveRequested(group, interfaceName());
}

} // namespace SockPlay
