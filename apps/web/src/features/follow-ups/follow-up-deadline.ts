/**
 * How the time left before a follow-up's deadline reads (整改事项, 差评, 异议): the message key
 * and its count; none once the item is done.
 */
export function daysLeftMessage(item: { done: boolean; workingDaysLeft: number }): {
  key: string;
  count: number;
} | null {
  if (item.done) return null;
  if (item.workingDaysLeft > 0) return { key: 'followUps.daysLeft', count: item.workingDaysLeft };
  if (item.workingDaysLeft === 0) return { key: 'followUps.dueToday', count: 0 };
  return { key: 'followUps.daysOverdue', count: -item.workingDaysLeft };
}
