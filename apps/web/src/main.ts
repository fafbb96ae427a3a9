import 'element-plus/theme-chalk/base.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { useAuthStore } from './features/auth/useAuthStore';
import { createAppI18n, loadSavedLocale } from './i18n';
import { createAppRouter } from './router';
import { configureApiClient } from './shared/api-client';

const locale = loadSavedLocale(window.localStorage);
document.documentElement.lang = locale;

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(createAppI18n(locale));
const router = createAppRouter();
app.use(router);

const auth = useAuthStore(pinia);
configureApiClient({
  getToken: () => auth.currentToken(),
  renewToken: () => auth.renew(),
  onUnauthorized: () => {
    const current = router.currentRoute.value;
    auth.logout();
    if (current.name === 'login') return;
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  },
});

app.mount('#app');
