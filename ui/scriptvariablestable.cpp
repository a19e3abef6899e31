#include "scriptvariablestable.h"

#include <QHeaderView>

namespace SockPlay {

namespace {

constexpr int EditedRole = Qt::UserRole + 1; // a value the user typed: it no longer follows the server

bool follows(const QString &name)
{
    return name == QLatin1String("host") || name == QLatin1String("port");
}

} // namespace

ScriptVariablesTable::ScriptVariablesTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setVisible(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    connect(this, &QTableWidget::cellChanged, this, &ScriptVariablesTable::valueEdited);
    setDefaults({});
}

void ScriptVariablesTable::setDefaults(const Variables &defaults)
{
    m_defaults = defaults;
    m_filling = true;
    setRowCount(int(defaults.size()));
    for (int row = 0; row < defaults.size(); ++row) {
        auto *name = new QTableWidgetItem(defaults.at(row).first);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        setItem(row, 0, name);
        setItem(row, 1, new QTableWidgetItem(defaults.at(row).second));
    }
    m_filling = false;
    // As tall as its rows (one at least, four at most; more scroll): the
    // panel's steps take the rest.
    const int rows = qBound(1, int(defaults.size()), 4);
    setFixedHeight(horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize()
                   + 2 * frameWidth());
    applyServerTarget();
}

ScriptVariablesTable::Variables ScriptVariablesTable::values() const
{
    Variables list;
    for (int row = 0; row < rowCount(); ++row)
        list.append({item(row, 0)->text(), item(row, 1)->text()});
    return list;
}

ScriptVariablesTable::Variables ScriptVariablesTable::editedDefaults() const
{
    Variables list = m_defaults;
    for (int row = 0; row < rowCount() && row < list.size(); ++row) {
        if (item(row, 1)->data(EditedRole).toBool())
            list[row].second = item(row, 1)->text();
    }
    return list;
}

void ScriptVariablesTable::valueEdited(int row, int column)
{
    if (m_filling || column != 1)
        return;
    QTableWidgetItem *value = item(row, 1);
    m_filling = true;
    value->setData(EditedRole, true);
    value->setFont(font());
    value->setToolTip({});
    m_filling = false;
    applyServerTarget();
}

void ScriptVariablesTable::setServerTarget(const QString &host, quint16 port, bool listening)
{
    m_serverHost = host;
    m_serverPort = port;
    m_serverListening = listening;
    applyServerTarget();
}

void ScriptVariablesTable::applyServerTarget()
{
    // host and port show the window's server while it listens (unless
    // edited), the script's defaults otherwise.
    const bool follow = m_serverListening && !m_serverHost.isEmpty();
    m_filling = true;
    QStringList following;
    for (int row = 0; row < rowCount(); ++row) {
        const QString name = item(row, 0)->text();
        QTableWidgetItem *value = item(row, 1);
        if (!follows(name) || value->data(EditedRole).toBool())
            continue;
        value->setText(!follow                             ? m_defaults.value(row).second
                           : name == QLatin1String("host") ? m_serverHost
                                                           : QString::number(m_serverPort));
        QFont italic = font();
        italic.setItalic(follow);
        value->setFont(italic);
        value->setToolTip(follow ? tr("Follows the window's server while it listens; type to set your own.")
                                 : QString());
        if (follow)
            following.append(name);
    }
    m_filling = false;
    const QString text = following.isEmpty()
        ? QString()
        : tr("%1 follow the window's server (%2:%3) until you edit them.")
              .arg(following.join(tr(" and ")), m_serverHost, QString::number(m_serverPort));
    if (text != m_followText) {
        m_followText = text;
        emit followTextChanged(text);
    }
}

} // namespace SockPlay
