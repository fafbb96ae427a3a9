import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import { ref } from 'vue';
import { actionErrorText } from '../stars/action-error';

/**
 * A follow-up's step from the browser: busy while it runs, "done" or the refusal said in a
 * message, and `done` called after a success (the list reloads, the form clears).
 */
export function useFollowUpAction(done: () => void) {
  const busy = ref(false);
  async function run(action: () => Promise<unknown>, doneText: string): Promise<boolean> {
    busy.value = true;
    try {
      await action();
      ElMessage.success(doneText);
      done();
      return true;
    } catch (error) {
      ElMessage.error(actionErrorText(error));
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
