#include "serialoptionspanel.h"

#include "serialports.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace SockPlay {

SerialOptionsPanel::SerialOptionsPanel(const QString &objectNamePrefix, const QString &side, QWidget *parent)
    : QGroupBox(tr("Serial port"), parent)
{
    const auto name = [&objectNamePrefix](const char *suffix) -> QString { return objectNamePrefix + QLatin1String(suffix); };
    setObjectName(name("SerialOptions"));
    setAccessibleName(tr("%1 serial port settings").arg(side));
    const auto combo = [this, &name, &side](const char *suffix, const QString &accessible) {
        auto *box = new QComboBox(this);
        box->setObjectName(name(suffix));
        box->setAccessibleName(tr("%1 %2").arg(side, accessible));
        return box;
    };
    auto *grid = new QGridLayout(this);
    const auto label = [this, grid](const QString &text, QWidget *buddy, int row, int column) {
        auto *caption = new QLabel(text, this);
        caption->setBuddy(buddy);
        grid->addWidget(caption, row, column);
    };

    m_portCombo = combo("SerialPortCombo", tr("serial device"));
    m_portCombo->setEditable(true);
    m_portCombo->setInsertPolicy(QComboBox::NoInsert);
    m_portCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_portCombo->setMinimumContentsLength(16);
    m_portCombo->lineEdit()->setObjectName(name("SerialPortEdit"));
    m_portCombo->lineEdit()->setAccessibleName(tr("%1 serial device").arg(side));
    m_portCombo->lineEdit()->setPlaceholderText(tr("a device, e.g. /dev/ttyUSB0"));
    m_portCombo->setToolTip(tr("The serial ports this machine lists, or a device typed by its path "
                               "(a pseudo-terminal such as /dev/pts/3 is not listed)"));
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setObjectName(name("SerialRefreshButton"));
    m_refreshButton->setAccessibleName(tr("%1 refresh the serial ports").arg(side));
    m_refreshButton->setToolTip(tr("List the serial ports again (a USB adapter appears once plugged in)"));
    m_refreshButton->setAutoDefault(false);

    m_baudCombo = combo("SerialBaudCombo", tr("serial speed"));
    m_baudCombo->setEditable(true);
    m_baudCombo->setInsertPolicy(QComboBox::NoInsert);
    m_baudCombo->lineEdit()->setObjectName(name("SerialBaudEdit"));
    m_baudCombo->lineEdit()->setAccessibleName(tr("%1 serial speed").arg(side));
    m_baudCombo->setValidator(new QIntValidator(1, SerialSpec::MaxBaudRate, m_baudCombo));
    for (const qint32 rate : SerialSpec::standardBaudRates())
        m_baudCombo->addItem(QString::number(rate));
    m_baudCombo->setToolTip(tr("Bits per second: both ends must agree; another rate can be typed"));

    m_dataBitsCombo = combo("SerialDataBitsCombo", tr("serial data bits"));
    for (int bits = 5; bits <= 8; ++bits)
        m_dataBitsCombo->addItem(QString::number(bits), bits);
    m_parityCombo = combo("SerialParityCombo", tr("serial parity"));
    m_parityCombo->addItem(tr("None"), int(SerialSpec::Parity::None));
    m_parityCombo->addItem(tr("Even"), int(SerialSpec::Parity::Even));
    m_parityCombo->addItem(tr("Odd"), int(SerialSpec::Parity::Odd));
    m_parityCombo->addItem(tr("Space"), int(SerialSpec::Parity::Space));
    m_parityCombo->addItem(tr("Mark"), int(SerialSpec::Parity::Mark));
    m_stopBitsCombo = combo("SerialStopBitsCombo", tr("serial stop bits"));
    m_stopBitsCombo->addItem(QStringLiteral("1"), int(SerialSpec::StopBits::One));
    m_stopBitsCombo->addItem(QLocale().toString(1.5), int(SerialSpec::StopBits::OneAndHalf));
    m_stopBitsCombo->addItem(QStringLiteral("2"), int(SerialSpec::StopBits::Two));
    m_flowCombo = combo("SerialFlowCombo", tr("serial flow control"));
    m_flowCombo->addItem(tr("None"), int(SerialSpec::FlowControl::None));
    m_flowCombo->addItem(tr("Hardware (RTS/CTS)"), int(SerialSpec::FlowControl::Hardware));
    m_flowCombo->addItem(tr("Software (XON/XOFF)"), int(SerialSpec::FlowControl::Software));

    m_dtrCheck = new QCheckBox(tr("DTR"), this);
    m_dtrCheck->setObjectName(name("SerialDtrCheck"));
    m_dtrCheck->setAccessibleName(tr("%1 DTR line").arg(side));
    m_dtrCheck->setToolTip(tr("Data Terminal Ready: many devices take it as \"a program is listening\" "
                              "(an Arduino resets as it rises). Changes at once while the port is open."));
    m_rtsCheck = new QCheckBox(tr("RTS"), this);
    m_rtsCheck->setObjectName(name("SerialRtsCheck"));
    m_rtsCheck->setAccessibleName(tr("%1 RTS line").arg(side));
    m_rtsCheck->setToolTip(tr("Request To Send: under hardware flow control the driver drives it. "
                              "Changes at once while the port is open."));

    label(tr("Device"), m_portCombo, 0, 0);
    grid->addWidget(m_portCombo, 0, 1, 1, 2);
    grid->addWidget(m_refreshButton, 0, 3);
    label(tr("Speed"), m_baudCombo, 1, 0);
    grid->addWidget(m_baudCombo, 1, 1);
    label(tr("Data bits"), m_dataBitsCombo, 1, 2);
    grid->addWidget(m_dataBitsCombo, 1, 3);
    label(tr("Parity"), m_parityCombo, 2, 0);
    grid->addWidget(m_parityCombo, 2, 1);
    label(tr("Stop bits"), m_stopBitsCombo, 2, 2);
    grid->addWidget(m_stopBitsCombo, 2, 3);
    label(tr("Flow control"), m_flowCombo, 3, 0);
    grid->addWidget(m_flowCombo, 3, 1);
    auto *lines = new QHBoxLayout;
    lines->addWidget(m_dtrCheck);
    lines->addWidget(m_rtsCheck);
    lines->addStretch(1);
    grid->addLayout(lines, 3, 2, 1, 2);
    grid->setColumnStretch(1, 1);

    connect(m_refreshButton, &QPushButton::clicked, this, &SerialOptionsPanel::refreshPorts);
    connect(m_dtrCheck, &QCheckBox::clicked, this, [this](bool on) { emit lineToggled(SerialSpec::Line::Dtr, on); });
    connect(m_rtsCheck, &QCheckBox::clicked, this, [this](bool on) { emit lineToggled(SerialSpec::Line::Rts, on); });

    setSpec(SerialSpec());
    // The ports are listed when the panel is first shown (showEvent): asking
    // udev at start-up was a tenth of the window's construction, for a panel
    // most sessions never show.
}

void SerialOptionsPanel::showEvent(QShowEvent *event)
{
    if (!m_listed)
        refreshPorts();
    QGroupBox::showEvent(event);
}

void SerialOptionsPanel::refreshPorts()
{
    m_listed = true;
    const QString current = device();
    m_portCombo->clear();
    // Each item carries its device as data: the text around it is the system's description.
    for (const SerialPortInfo &port : availableSerialPorts()) {
        QString text = port.device;
        if (!port.description.isEmpty())
            text += QStringLiteral(" — ") + port.description;
        if (!port.manufacturer.isEmpty() && port.manufacturer != port.description)
            text += QStringLiteral(" (%1)").arg(port.manufacturer);
        m_portCombo->addItem(text, port.device);
        m_portCombo->setItemData(m_portCombo->count() - 1, port.toText(), Qt::ToolTipRole);
    }
    const int listed = m_portCombo->findData(current);
    if (listed >= 0)
        m_portCombo->setCurrentIndex(listed);
    else
        m_portCombo->setEditText(current);
}

QString SerialOptionsPanel::device() const
{
    // A listed item ("/dev/ttyUSB0 — FT232R USB UART") by its device; a typed path as it is.
    const QString text = m_portCombo->currentText().trimmed();
    if (const int item = m_portCombo->findText(text); item >= 0)
        return m_portCombo->itemData(item).toString();
    return text;
}

SerialSpec SerialOptionsPanel::spec() const
{
    SerialSpec spec;
    spec.device = device();
    QString error;
    if (const std::optional<qint32> rate = SerialSpec::parseBaudRate(m_baudCombo->currentText(), &error))
        spec.baudRate = *rate;
    spec.dataBits = m_dataBitsCombo->currentData().toInt();
    spec.parity = SerialSpec::Parity(m_parityCombo->currentData().toInt());
    spec.stopBits = SerialSpec::StopBits(m_stopBitsCombo->currentData().toInt());
    spec.flowControl = SerialSpec::FlowControl(m_flowCombo->currentData().toInt());
    spec.dtr = m_dtrCheck->isChecked();
    spec.rts = m_rtsCheck->isChecked();
    return spec;
}

QString SerialOptionsPanel::problem() const
{
    if (device().isEmpty())
        return tr("Serial port: name a device first (pick one, or type a path such as /dev/ttyUSB0).");
    QString error;
    if (!SerialSpec::parseBaudRate(m_baudCombo->currentText(), &error))
        return tr("Serial port: the speed “%1”: %2").arg(m_baudCombo->currentText().trimmed(), error);
    if (const QString problem = spec().validate(); !problem.isEmpty())
        return tr("Serial port: %1").arg(problem);
    return {};
}

void SerialOptionsPanel::setSpec(const SerialSpec &spec)
{
    const int listed = m_portCombo->findData(spec.device);
    if (listed >= 0)
        m_portCombo->setCurrentIndex(listed);
    else
        m_portCombo->setEditText(spec.device);
    m_baudCombo->setEditText(QString::number(spec.baudRate));
    m_dataBitsCombo->setCurrentIndex(qMax(0, m_dataBitsCombo->findData(spec.dataBits)));
    m_parityCombo->setCurrentIndex(qMax(0, m_parityCombo->findData(int(spec.parity))));
    m_stopBitsCombo->setCurrentIndex(qMax(0, m_stopBitsCombo->findData(int(spec.stopBits))));
    m_flowCombo->setCurrentIndex(qMax(0, m_flowCombo->findData(int(spec.flowControl))));
    setLines(spec.dtr, spec.rts);
}

void SerialOptionsPanel::setOpen(bool open)
{
    const std::initializer_list<QWidget *> settings{m_portCombo, m_refreshButton, m_baudCombo, m_dataBitsCombo,
                                                    m_parityCombo, m_stopBitsCombo, m_flowCombo};
    for (QWidget *field : settings)
        field->setEnabled(!open);
}

void SerialOptionsPanel::setLines(bool dtr, bool rts)
{
    m_dtrCheck->setChecked(dtr);
    m_rtsCheck->setChecked(rts);
}

} // namespace SockPlay
