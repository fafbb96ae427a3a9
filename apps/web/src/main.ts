import 'element-plus/theme-chalk/base.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import App from './App.vue';
import { useAuthStore } from './features/auth/useAuthStore';
import { createAppI18n, loadLocaleMessages, loadSavedLocale } from './i18n';
import { createAppRouter } from './router';
import { configureApiClient } from './shared/api-client';

const locale = loadSavedLocale(window.localStorage);
document.documentElement.lang = locale;

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const i18n = createAppI18n(locale);
app.use(i18n);
const router = createAppRouter();
app.use(router);

const auth = useAuthStore(pinia);
configureApiClient({
  // The API words its errors in the language the page is showing now (it may switch at any time).
  getLanguage: () => i18n.global.locale.value,
  getToken: () => auth.currentToken(),
  renewToken: () => auth.renew(),
  onUnauthorized: () => {
    const current = router.currentRoute.value;
    auth.logout();
    if (current.name === 'login') return;
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  },
});

// Logged in again in place with a password an administrator just set: it must be changed first.
watch(
  () => auth.mustChangePassword,
  (must) => {
    const current = router.currentRoute.value;
    if (!must || current.name === 'set-password' || current.name === 'login') return;
    void router.replace({ name: 'set-password', query: { redirect: current.fullPath } });
  },
);

// A saved language other than Chinese is fetched before the first paint, so no text flickers.
void loadLocaleMessages(i18n.global, locale).finally(() => app.mount('#app'));
