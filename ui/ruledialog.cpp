#include "ruledialog.h"

#include "errorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

QFont monospace(const QFont &base)
{
    QFont font = base;
    font.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace

RuleDialog::RuleDialog(const QString &objectNamePrefix, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(objectNamePrefix + QStringLiteral("RuleDialog"));
    setWindowTitle(tr("Auto-reply rule"));
    setAccessibleName(tr("Auto-reply rule"));
    const auto named = [&](QWidget *widget, const char *name, const QString &accessible) {
        widget->setObjectName(objectNamePrefix + QLatin1String(name));
        widget->setAccessibleName(accessible);
    };

    m_matchCombo = new QComboBox(this);
    named(m_matchCombo, "RuleMatchCombo", tr("When a message"));
    m_matchCombo->addItem(tr("any message"), int(Rule::Match::Any));
    m_matchCombo->addItem(tr("on connect (a greeting)"), int(Rule::Match::Connect));
    m_matchCombo->addItem(tr("is exactly"), int(Rule::Match::Exact));
    m_matchCombo->addItem(tr("contains"), int(Rule::Match::Contains));
    m_matchCombo->addItem(tr("starts with"), int(Rule::Match::Prefix));
    m_matchCombo->addItem(tr("matches the regex"), int(Rule::Match::Regex));
    m_matchCombo->addItem(tr("starts with the hex bytes"), int(Rule::Match::HexPrefix));

    m_patternEdit = new QLineEdit(this);
    named(m_patternEdit, "RulePatternEdit", tr("Rule pattern"));
    m_patternEdit->setFont(monospace(font()));

    m_replyCombo = new QComboBox(this);
    named(m_replyCombo, "RuleReplyCombo", tr("Reply with"));
    m_replyCombo->addItem(tr("text"), int(Rule::Reply::Text));
    m_replyCombo->addItem(tr("hex bytes"), int(Rule::Reply::Hex));
    m_replyCombo->addItem(tr("the message itself (echo)"), int(Rule::Reply::Echo));
    m_replyCombo->addItem(tr("nothing, close the connection"), int(Rule::Reply::Close));
    m_replyCombo->addItem(tr("nothing"), int(Rule::Reply::Nothing));

    m_replyEdit = new QLineEdit(this);
    named(m_replyEdit, "RuleReplyEdit", tr("Rule reply"));
    m_replyEdit->setFont(monospace(font()));
    m_replyEdit->setToolTip(tr("Escapes \\n \\r \\t \\xHH; \\1 … \\9: the regex's groups;\n"
                               "{{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}"));

    m_closeCheck = new QCheckBox(tr("then c&lose the connection"), this);
    named(m_closeCheck, "RuleCloseCheck", tr("Close after replying"));
    m_delaySpin = new QSpinBox(this);
    named(m_delaySpin, "RuleDelaySpin", tr("Reply delay in milliseconds"));
    m_delaySpin->setRange(0, 3'600'000);
    m_delaySpin->setSuffix(tr(" ms"));
    m_delaySpin->setSpecialValueText(tr("at once"));
    m_delaySpin->setGroupSeparatorShown(true);
    m_continueCheck = new QCheckBox(tr("&try the next rules too"), this);
    named(m_continueCheck, "RuleContinueCheck", tr("Continue to the next rules"));
    m_continueCheck->setToolTip(tr("Off: the first rule that matches is the only one that answers."));

    m_errorLabel = new ErrorLabel(this);
    named(m_errorLabel, "RuleErrorLabel", tr("Rule error"));
    m_cliLabel = new QLabel(this);
    named(m_cliLabel, "RuleCliLabel", tr("The rule as a sockplay-cli option"));
    m_cliLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cliLabel->setWordWrap(true);
    m_cliLabel->setFont(monospace(font()));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    named(m_buttons->button(QDialogButtonBox::Ok), "RuleOkButton", tr("Save rule"));
    named(m_buttons->button(QDialogButtonBox::Cancel), "RuleCancelButton", tr("Cancel"));

    auto *form = new QFormLayout;
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_matchCombo);
    whenRow->addWidget(m_patternEdit, 1);
    form->addRow(tr("&When"), whenRow);
    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_replyCombo);
    replyRow->addWidget(m_replyEdit, 1);
    form->addRow(tr("&Reply"), replyRow);
    form->addRow(tr("&Delay"), m_delaySpin);
    form->addRow(QString(), m_closeCheck);
    form->addRow(QString(), m_continueCheck);
    // Buddies for the mnemonics: the row labels point at the first field.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(whenRow)))
        label->setBuddy(m_matchCombo);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(replyRow)))
        label->setBuddy(m_replyCombo);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_cliLabel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_matchCombo, &QComboBox::currentIndexChanged, this, &RuleDialog::validate);
    connect(m_replyCombo, &QComboBox::currentIndexChanged, this, &RuleDialog::validate);
    connect(m_patternEdit, &QLineEdit::textChanged, this, &RuleDialog::validate);
    connect(m_replyEdit, &QLineEdit::textChanged, this, &RuleDialog::validate);
    connect(m_closeCheck, &QCheckBox::toggled, this, &RuleDialog::validate);
    connect(m_delaySpin, &QSpinBox::valueChanged, this, &RuleDialog::validate);
    connect(m_continueCheck, &QCheckBox::toggled, this, &RuleDialog::validate);

    m_matchCombo->setFocus();
    validate();
    // Wide enough for a regex and a reply without scrolling.
    resize(qMax(sizeHint().width(), fontMetrics().averageCharWidth() * 80), sizeHint().height());
}

void RuleDialog::setRule(const Rule &rule)
{
    m_matchCombo->setCurrentIndex(m_matchCombo->findData(int(rule.match)));
    m_patternEdit->setText(rule.pattern);
    m_replyCombo->setCurrentIndex(m_replyCombo->findData(int(rule.reply)));
    m_replyEdit->setText(rule.replyText);
    m_closeCheck->setChecked(rule.closeAfter);
    m_delaySpin->setValue(rule.delayMs);
    m_continueCheck->setChecked(!rule.stop);
    validate();
}

Rule RuleDialog::rule() const
{
    Rule rule;
    rule.match = Rule::Match(m_matchCombo->currentData().toInt());
    rule.reply = Rule::Reply(m_replyCombo->currentData().toInt());
    if (rule.match != Rule::Match::Any && rule.match != Rule::Match::Connect)
        rule.pattern = m_patternEdit->text();
    if (rule.reply == Rule::Reply::Text || rule.reply == Rule::Reply::Hex)
        rule.replyText = m_replyEdit->text();
    rule.closeAfter = rule.reply != Rule::Reply::Close && m_closeCheck->isChecked();
    rule.delayMs = m_delaySpin->value();
    rule.stop = !m_continueCheck->isChecked();
    return rule;
}

bool RuleDialog::isValid() const
{
    return m_valid;
}

void RuleDialog::validate()
{
    const auto match = Rule::Match(m_matchCombo->currentData().toInt());
    const auto reply = Rule::Reply(m_replyCombo->currentData().toInt());
    const bool hasPattern = match != Rule::Match::Any && match != Rule::Match::Connect;
    const bool hasReplyText = reply == Rule::Reply::Text || reply == Rule::Reply::Hex;
    m_patternEdit->setEnabled(hasPattern);
    m_patternEdit->setPlaceholderText(hasPattern ? (match == Rule::Match::Regex ? tr("e.g. ^PING (\\d+)$")
                                                   : match == Rule::Match::HexPrefix ? tr("e.g. 02 00")
                                                                                     : tr("text, \\n for a newline"))
                                                 : QString());
    m_replyEdit->setEnabled(hasReplyText);
    m_replyEdit->setPlaceholderText(reply == Rule::Reply::Text ? tr("e.g. PONG \\1\\n")
                                    : reply == Rule::Reply::Hex ? tr("e.g. 06") : QString());
    m_closeCheck->setEnabled(reply != Rule::Reply::Close);

    const Rule current = rule();
    QString error;
    m_valid = current.validate(&error);
    if (m_valid) {
        m_errorLabel->clearError();
        m_cliLabel->setText(QStringLiteral("--reply '%1'").arg(current.toString()));
    } else {
        m_errorLabel->showError(error);
        m_cliLabel->clear();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace SockPlay
