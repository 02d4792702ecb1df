import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './app';
import { LangProvider } from './i18n/i18n';
import { SessionProvider } from './session/session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <SessionProvider>
        <Router base="/app">
          <App />
        </Router>
      </SessionProvider>
    </LangProvider>
  </StrictMode>,
);
