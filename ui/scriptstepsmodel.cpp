#include "scriptstepsmodel.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace SockPlay {

namespace {

/// The mark in front of a step: readable without the icon's colour.
QString markOf(StepResult::Status status)
{
    switch (status) {
    case StepResult::Status::Pending: return QStringLiteral("○");
    case StepResult::Status::Running: return QStringLiteral("▶");
    case StepResult::Status::Passed: return QStringLiteral("✓");
    case StepResult::Status::Failed: return QStringLiteral("✗");
    case StepResult::Status::Skipped: return QStringLiteral("–");
    }
    return {};
}

QColor colourOf(StepResult::Status status)
{
    // Dark enough to hold on a washed-out projector image.
    switch (status) {
    case StepResult::Status::Pending: return QColor(0x75, 0x75, 0x75);
    case StepResult::Status::Running: return QColor(0x15, 0x65, 0xc0);
    case StepResult::Status::Passed: return QColor(0x2e, 0x7d, 0x32);
    case StepResult::Status::Failed: return QColor(0xb3, 0x26, 0x1e);
    case StepResult::Status::Skipped: return QColor(0x9e, 0x9e, 0x9e);
    }
    return Qt::gray;
}

} // namespace

ScriptStepsModel::ScriptStepsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ScriptStepsModel::setSteps(const QList<ScriptStep> &steps)
{
    beginResetModel();
    m_steps = steps;
    m_results = QList<StepResult>(steps.size());
    endResetModel();
}

void ScriptStepsModel::resetResults()
{
    m_results = QList<StepResult>(m_steps.size());
    if (!m_steps.isEmpty())
        emit dataChanged(index(0), index(int(m_steps.size()) - 1));
}

void ScriptStepsModel::setRunning(int row)
{
    if (row < 0 || row >= m_results.size())
        return;
    m_results[row] = StepResult{};
    m_results[row].status = StepResult::Status::Running;
    emit dataChanged(index(row), index(row));
}

void ScriptStepsModel::setResult(int row, const StepResult &result)
{
    if (row < 0 || row >= m_results.size())
        return;
    m_results[row] = result;
    emit dataChanged(index(row), index(row));
}

int ScriptStepsModel::count(StepResult::Status status) const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(),
                             [status](const StepResult &r) { return r.status == status; }));
}

int ScriptStepsModel::firstFailed() const
{
    for (int row = 0; row < m_results.size(); ++row) {
        if (m_results.at(row).status == StepResult::Status::Failed)
            return row;
    }
    return -1;
}

QString ScriptStepsModel::statusName(StepResult::Status status)
{
    switch (status) {
    case StepResult::Status::Pending: return tr("Pending");
    case StepResult::Status::Running: return tr("Running");
    case StepResult::Status::Passed: return tr("Passed");
    case StepResult::Status::Failed: return tr("Failed");
    case StepResult::Status::Skipped: return tr("Skipped");
    }
    return {};
}

int ScriptStepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

QVariant ScriptStepsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_steps.size())
        return {};
    const ScriptStep &step = m_steps.at(index.row());
    const StepResult &result = m_results.at(index.row());
    const QString number = QLocale().toString(index.row() + 1);
    const QString status = statusName(result.status);
    // How long it took, where there is room for it (tool tip, screen reader).
    const bool timed = result.status == StepResult::Status::Passed || result.status == StepResult::Status::Failed;
    const QString timedStatus = timed ? tr("%1 in %2 ms").arg(status, QLocale().toString(result.elapsedMs)) : status;
    switch (role) {
    case Qt::DisplayRole: {
        // The status before the step, so that a narrow panel that cuts the
        // line still shows it; the failing step says what arrived instead,
        // right under it.
        QString text = QStringLiteral("%1 %2  %3  %4").arg(markOf(result.status), number, status, step.summary());
        if (result.status == StepResult::Status::Failed && !result.message.isEmpty())
            text += QStringLiteral("\n      ") + result.message;
        return text;
    }
    case Qt::AccessibleTextRole:
        return QString(tr("Step %1, %2: %3").arg(number, timedStatus, step.summary())
                       + (result.message.isEmpty() ? QString() : QStringLiteral(". ") + result.message));
    case Qt::ToolTipRole: {
        QString tip = step.summary() + QStringLiteral("\n") + timedStatus;
        if (!result.message.isEmpty())
            tip += QStringLiteral(": ") + result.message;
        return tip;
    }
    case Qt::DecorationRole:
        return icon(result.status);
    case StatusRole:
        return int(result.status);
    case StatusTextRole:
        return statusName(result.status);
    case MessageRole:
        return result.message;
    default:
        return {};
    }
}

QIcon ScriptStepsModel::icon(StepResult::Status status) const
{
    if (const auto it = m_icons.constFind(int(status)); it != m_icons.constEnd())
        return *it;
    // Drawn, not loaded: no icon theme lookup, and the same on every desktop.
    constexpr int Size = 64;
    QPixmap pixmap(Size, Size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor colour = colourOf(status);
    const QRectF circle(4, 4, Size - 8, Size - 8);
    QPen glyph(Qt::white, 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (status) {
    case StepResult::Status::Pending:
        painter.setPen(QPen(colour, 6));
        painter.drawEllipse(circle.adjusted(3, 3, -3, -3));
        break;
    case StepResult::Status::Running: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(circle);
        QPainterPath triangle;
        triangle.moveTo(25, 18);
        triangle.lineTo(46, 32);
        triangle.lineTo(25, 46);
        triangle.closeSubpath();
        painter.setBrush(Qt::white);
        painter.drawPath(triangle);
        break;
    }
    case StepResult::Status::Passed:
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(circle);
        painter.setPen(glyph);
        painter.drawPolyline(QPolygonF{QPointF(19, 33), QPointF(28, 42), QPointF(45, 23)});
        break;
    case StepResult::Status::Failed:
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(circle);
        painter.setPen(glyph);
        painter.drawLine(QPointF(22, 22), QPointF(42, 42));
        painter.drawLine(QPointF(42, 22), QPointF(22, 42));
        break;
    case StepResult::Status::Skipped:
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(circle);
        painter.setPen(glyph);
        painter.drawLine(QPointF(20, 32), QPointF(44, 32));
        break;
    }
    painter.end();
    const QIcon icon(pixmap);
    m_icons.insert(int(status), icon);
    return icon;
}

} // namespace SockPlay
