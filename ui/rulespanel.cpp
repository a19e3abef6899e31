#include "rulespanel.h"

#include "errorlabel.h"
#include "ruledialog.h"
#include "wrappedlabel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

constexpr int RuleRole = Qt::UserRole + 1;

/// The presets: the spec, then what it means.
struct FramingPreset
{
    const char *spec;
    const char *meaning;
};
constexpr FramingPreset presets[] = {
    {"raw", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "each read as it came (no framing)")},
    {"line", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "a line ends at LF (CR stripped)")},
    {"line+cr", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "a line ends at LF (CR kept)")},
    {"crlf", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "a line ends at CR LF")},
    {"delim:00", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "ends at these hex bytes")},
    {"fixed:16", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "every N bytes")},
    {"len:2", QT_TRANSLATE_NOOP("SockPlay::RulesPanel", "a length prefix: len:BYTES[be|le][+incl][@OFFSET]")},
};

/// The spec in a combo's text: "len:2 — a length prefix" → "len:2".
QString specOf(const QString &text)
{
    return text.trimmed().section(QLatin1Char(' '), 0, 0);
}

} // namespace

RulesPanel::RulesPanel(const QString &objectNamePrefix, QWidget *parent)
    : QWidget(parent)
    , m_prefix(objectNamePrefix)
{
    const QString side = objectNamePrefix == QLatin1String("server") ? tr("Server") : tr("Client");
    setObjectName(objectNamePrefix + QStringLiteral("RulesPanel"));
    setAccessibleName(tr("%1 framing and auto-reply").arg(side));
    const auto named = [&](QWidget *widget, const char *name, const QString &accessible) {
        widget->setObjectName(objectNamePrefix + QLatin1String(name));
        widget->setAccessibleName(accessible);
    };

    m_framingCombo = new QComboBox(this);
    named(m_framingCombo, "FramingCombo", tr("%1 framing").arg(side));
    m_framingCombo->setEditable(true);
    m_framingCombo->setInsertPolicy(QComboBox::NoInsert);
    named(m_framingCombo->lineEdit(), "FramingEdit", tr("%1 framing").arg(side));
    for (const FramingPreset &preset : presets)
        m_framingCombo->addItem(QLatin1String(preset.spec) + QStringLiteral(" — ") + tr(preset.meaning));
    m_framingCombo->setToolTip(tr("How the received stream is cut into messages; the log shows each message.\n"
                                  "Pick one, or type the CLI's --frame syntax, e.g. len:4le+incl@2 or delim:0d0a."));
    QFont mono = font();
    mono.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    m_framingCombo->lineEdit()->setFont(mono);

    m_framingHint = new WrappedLabel(this);
    named(m_framingHint, "FramingHint", tr("%1 framing meaning").arg(side));
    m_framingHint->setWordWrap(true);
    m_framingError = new ErrorLabel(this);
    named(m_framingError, "FramingErrorLabel", tr("%1 framing error").arg(side));

    m_rulesList = new QListWidget(this);
    named(m_rulesList, "RulesList", tr("%1 auto-reply rules").arg(side));
    m_rulesList->setDragDropMode(QAbstractItemView::InternalMove);
    m_rulesList->setDefaultDropAction(Qt::MoveAction);
    m_rulesList->setFont(mono);
    m_rulesList->setToolTip(tr("Tried in order on every message of every connection. Tick to switch a rule on;\n"
                               "drag, or Ctrl+Up/Ctrl+Down, to reorder; Enter edits; Delete removes."));
    m_rulesList->installEventFilter(this);
    // It takes the room the tab has (two rules at least), not a default
    // 192 px that would push the pane taller than the Send tab needs.
    m_rulesList->setMinimumHeight(m_rulesList->fontMetrics().height() * 3);
    m_rulesList->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);

    // Mnemonics differ between the panes: Qt counts a hidden tab's button
    // too, and an ambiguous Alt+key only moves the focus.
    const bool server = objectNamePrefix == QLatin1String("server");
    m_addButton = new QPushButton(server ? tr("Add &rule…") : tr("Add r&ule…"), this);
    named(m_addButton, "RuleAddButton", tr("%1 add rule").arg(side));
    m_editButton = new QPushButton(tr("Edit…"), this);
    named(m_editButton, "RuleEditButton", tr("%1 edit rule").arg(side));
    m_removeButton = new QPushButton(tr("Remove"), this);
    named(m_removeButton, "RuleRemoveButton", tr("%1 remove rule").arg(side));
    m_upButton = new QPushButton(tr("Up"), this);
    named(m_upButton, "RuleUpButton", tr("%1 move rule up").arg(side));
    m_downButton = new QPushButton(tr("Down"), this);
    named(m_downButton, "RuleDownButton", tr("%1 move rule down").arg(side));
    for (QPushButton *button : {m_addButton, m_editButton, m_removeButton, m_upButton, m_downButton})
        button->setAutoDefault(false);

    auto *framingLabel = new QLabel(server ? tr("&Framing") : tr("Framin&g"), this);
    framingLabel->setBuddy(m_framingCombo);
    auto *framingRow = new QHBoxLayout;
    framingRow->addWidget(framingLabel);
    framingRow->addWidget(m_framingCombo, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(framingRow);
    layout->addWidget(m_framingHint);
    layout->addWidget(m_framingError);
    layout->addWidget(m_rulesList, 1);
    layout->addLayout(buttons);

    connect(m_framingCombo, &QComboBox::currentTextChanged, this, &RulesPanel::framingEdited);
    connect(m_rulesList, &QListWidget::itemChanged, this, [this] {
        if (!m_updatingList)
            emitRules();
    });
    // A drag moved a row.
    connect(m_rulesList->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!m_updatingList)
            emitRules();
    });
    connect(m_rulesList, &QListWidget::currentRowChanged, this, &RulesPanel::updateButtons);
    connect(m_rulesList, &QListWidget::itemActivated, this, [this] { openRuleDialog(true); });
    connect(m_addButton, &QPushButton::clicked, this, [this] { openRuleDialog(false); });
    connect(m_editButton, &QPushButton::clicked, this, [this] { openRuleDialog(true); });
    connect(m_removeButton, &QPushButton::clicked, this, &RulesPanel::removeSelected);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveSelected(1); });

    framingEdited(m_framingCombo->currentText());
    updateButtons();
}

QList<Rule> RulesPanel::rules() const
{
    QList<Rule> list;
    for (int row = 0; row < m_rulesList->count(); ++row) {
        const QListWidgetItem *item = m_rulesList->item(row);
        std::optional<Rule> rule = Rule::parse(item->data(RuleRole).toString(), nullptr);
        if (!rule)
            continue; // cannot happen: only valid rules are listed
        rule->enabled = item->checkState() == Qt::Checked;
        list.append(*rule);
    }
    return list;
}

void RulesPanel::setRules(const QList<Rule> &rules)
{
    m_updatingList = true;
    m_rulesList->clear();
    for (const Rule &rule : rules)
        addOrReplace(rule, nullptr);
    m_updatingList = false;
    updateButtons();
    emitRules();
}

void RulesPanel::setFraming(const FrameSpec &spec)
{
    const QString text = spec.toString();
    for (int i = 0; i < m_framingCombo->count(); ++i) {
        if (specOf(m_framingCombo->itemText(i)) == text) {
            m_framingCombo->setCurrentIndex(i);
            return;
        }
    }
    m_framingCombo->setEditText(text);
}

RulesPanel::Unit RulesPanel::unitOf(const EndpointCapabilities &capabilities)
{
    if (capabilities.datagram)
        return Unit::Datagram;
    return capabilities.wholeMessages ? Unit::WholeMessage : Unit::Stream;
}

void RulesPanel::setUnit(Unit unit)
{
    if (m_unit == unit)
        return;
    m_unit = unit;
    m_framingCombo->setEnabled(unit == Unit::Stream);
    framingEdited(m_framingCombo->currentText());
}

void RulesPanel::framingEdited(const QString &text)
{
    if (m_unit != Unit::Stream) {
        m_framingError->clearError();
        m_framingHint->setText(m_unit == Unit::Datagram ? tr("UDP: every datagram is one message.")
                                                        : tr("WebSocket: every message arrives whole; no framing."));
        return;
    }
    const QString spec = specOf(text);
    QString error;
    const std::optional<FrameSpec> parsed = FrameSpec::parse(spec, &error);
    if (!parsed) {
        m_framingError->showError(error);
        m_framingHint->clear();
        m_framingHint->setVisible(false);
        return;
    }
    m_framingError->clearError();
    m_framingHint->setVisible(true);
    m_framingHint->setText(parsed->kind == FrameSpec::Kind::Raw
                               ? tr("Each read is shown as it came: see TCP's stream cut anywhere.")
                               : tr("Each message: %1. Over %2 bytes is an error.")
                                     .arg(parsed->describe(), QLocale().toString(parsed->maxFrameBytes)));
    if (*parsed == m_framing)
        return;
    m_framing = *parsed;
    emit framingChanged(m_framing);
}

RuleDialog *RulesPanel::openRuleDialog(bool edit)
{
    QListWidgetItem *item = edit ? m_rulesList->currentItem() : nullptr;
    if (edit && !item)
        return nullptr;
    auto *dialog = new RuleDialog(m_prefix, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (item) {
        if (const std::optional<Rule> rule = Rule::parse(item->data(RuleRole).toString(), nullptr))
            dialog->setRule(*rule);
    } else {
        Rule greeting; // the welcome server in one rule, a good first example
        greeting.match = Rule::Match::Connect;
        greeting.replyText = tr("Welcome to the server!\\n");
        dialog->setRule(greeting);
    }
    const int row = item ? m_rulesList->row(item) : -1;
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        addOrReplace(dialog->rule(), row >= 0 ? m_rulesList->item(row) : nullptr);
        emitRules();
    });
    dialog->open();
    return dialog;
}

void RulesPanel::addOrReplace(const Rule &rule, QListWidgetItem *replacing)
{
    const bool wasUpdating = std::exchange(m_updatingList, true);
    QListWidgetItem *item = replacing ? replacing : new QListWidgetItem(m_rulesList);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
    Rule stored = rule;
    stored.enabled = true; // on/off is the check box
    item->setData(RuleRole, stored.toString());
    item->setText(stored.toString());
    item->setToolTip(stored.toString());
    item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    m_rulesList->setCurrentItem(item);
    m_updatingList = wasUpdating;
    updateButtons();
}

void RulesPanel::removeSelected()
{
    const int row = m_rulesList->currentRow();
    if (row < 0)
        return;
    delete m_rulesList->takeItem(row);
    updateButtons();
    emitRules();
}

void RulesPanel::moveSelected(int by)
{
    const int row = m_rulesList->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_rulesList->count())
        return;
    m_updatingList = true;
    QListWidgetItem *item = m_rulesList->takeItem(row);
    m_rulesList->insertItem(to, item);
    m_rulesList->setCurrentRow(to);
    m_updatingList = false;
    updateButtons();
    emitRules();
}

void RulesPanel::updateButtons()
{
    const int row = m_rulesList->currentRow();
    m_editButton->setEnabled(row >= 0);
    m_removeButton->setEnabled(row >= 0);
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row + 1 < m_rulesList->count());
}

void RulesPanel::emitRules()
{
    emit rulesChanged(rules());
}

bool RulesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_rulesList && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete) {
            removeSelected();
            return true;
        }
        if (key->modifiers() & Qt::ControlModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveSelected(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace SockPlay
