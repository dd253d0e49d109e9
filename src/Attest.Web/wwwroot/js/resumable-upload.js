// Progressive enhancement for forms marked data-resumable-upload. When the form is sent with a file chosen, the file
// goes up first with tus (tus-js-client, /lib/tus): a dropped connection is retried from where it stopped, and a
// reloaded page resumes the same file. Then the form is sent with the upload's id in Input.UploadId instead of the
// file. Without JavaScript the form posts the file as a normal multipart form.
const tus = window.tus;
const form = document.querySelector('form[data-resumable-upload]');
const input = form && form.querySelector('input[type="file"]');
const uploadId = form && form.querySelector('input[name="Input.UploadId"]');

if (tus && tus.isSupported && form && input && uploadId) {
  let busy = false;
  form.addEventListener('submit', (event) => {
    const file = input.files && input.files[0];
    if (!file) {
      return; // nothing chosen: send the form as it is (it may carry a finished upload's id)
    }

    event.preventDefault();
    if (!busy) {
      busy = true;
      upload(file).finally(() => { busy = false; });
    }
  });
}

function upload(file) {
  const view = progressView(file);
  return new Promise((resolve) => {
    const tusUpload = new tus.Upload(file, {
      endpoint: '/uploads',
      // 64 MiB requests: each ends with the server fsyncing, so at most one chunk is sent again after a failure.
      chunkSize: 64 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000, 60000, 60000],
      metadata: { filename: file.name, filetype: file.type },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => view.progress(sent, total),
      onShouldRetry: (error, attempt, options) => {
        const retry = tus.defaultOptions.onShouldRetry(error, attempt, options);
        if (retry) {
          view.status('The connection dropped. Trying again\u2026');
        }
        return retry;
      },
      onError: (error) => {
        if (!navigator.onLine) {
          view.status('You are offline. The upload will carry on when you are back online.');
          window.addEventListener('online', () => tusUpload.start(), { once: true });
          return;
        }
        view.fail(messageFor(error));
        resolve();
      },
      onSuccess: () => {
        view.status('Upload complete. Saving your evidence\u2026');
        uploadId.value = tusUpload.url.split('/').pop();
        input.disabled = true; // the file is on the server: do not send it again in the form
        form.submit();
        resolve();
      },
    });

    tusUpload.findPreviousUploads().then((previous) => {
      if (previous.length > 0) {
        tusUpload.resumeFromPreviousUpload(previous[0]);
      }
      tusUpload.start();
    });
  });
}

function messageFor(error) {
  const response = error && error.originalResponse;
  const status = response ? response.getStatus() : 0;
  if (status === 401) {
    return 'You have been signed out. Sign in again and choose the file again: the upload will carry on where it stopped.';
  }
  const body = response ? response.getBody() : '';
  if (status >= 400 && status < 500 && body && body.length < 500) {
    return body;
  }
  return 'The upload could not be finished. Check your connection and choose Add evidence again: it will carry on where it stopped.';
}

// A GOV.UK-style progress display after the file input: a <progress> bar with a label, and a live region that
// announces each tenth and any change of state, not every percent.
function progressView(file) {
  const group = input.closest('.govuk-form-group') || input.parentElement;
  let box = document.getElementById('upload-progress-group');
  if (!box) {
    box = document.createElement('div');
    box.id = 'upload-progress-group';
    box.className = 'attest-upload-progress';
    box.innerHTML =
      '<label class="govuk-label govuk-label--s" for="upload-progress"></label>' +
      '<progress id="upload-progress" class="attest-upload-progress__bar" max="100" value="0"></progress>' +
      '<p class="govuk-body-s" id="upload-progress-text" aria-live="polite"></p>' +
      '<p class="govuk-error-message" id="upload-progress-error" role="alert" hidden></p>';
    group.appendChild(box);
  }
  const label = box.querySelector('label');
  const bar = box.querySelector('progress');
  const text = box.querySelector('#upload-progress-text');
  const error = box.querySelector('#upload-progress-error');
  const button = form.querySelector('button[type="submit"]');
  label.textContent = 'Uploading ' + file.name;
  error.hidden = true;
  text.textContent = '0% uploaded';
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-disabled', 'true');
  }
  let announced = 0;

  return {
    progress(sent, total) {
      const percent = total > 0 ? Math.floor((sent / total) * 100) : 100;
      bar.value = percent;
      bar.textContent = percent + '%';
      if (percent >= announced + 10 || percent === 100) {
        announced = percent - (percent % 10);
        text.textContent = percent + '% uploaded';
      }
    },
    status(message) {
      text.textContent = message;
    },
    fail(message) {
      const prefix = document.createElement('span');
      prefix.className = 'govuk-visually-hidden';
      prefix.textContent = 'Error: ';
      error.replaceChildren(prefix, document.createTextNode(message));
      error.hidden = false;
      if (button) {
        button.disabled = false;
        button.removeAttribute('aria-disabled');
      }
    },
  };
}
